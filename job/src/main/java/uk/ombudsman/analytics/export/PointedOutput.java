package uk.ombudsman.analytics.export;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The commit on object stores, which cannot rename a folder atomically (S3A copies it object by object, so a
 * reader could see half of it). Each run writes its own folder, {@code OUTPUT/runs/<run id>/}, manifest last; then
 * the pointer {@code OUTPUT/_latest}, one line naming that folder ({@code runs/<run id>}), is replaced in a single
 * PUT, which readers see whole: the old run or the new, never a mixture. A killed run leaves only an unnamed
 * folder, which the next successful run deletes. The run the pointer named before stays, for readers still on it;
 * older runs go.
 */
final class PointedOutput extends AtomicOutput {
    static final String POINTER = "_latest";
    static final String RUNS = "runs";

    private final Path run;
    private final String runName;

    private PointedOutput(FileSystem fs, Path target, String runId) {
        super(fs, target);
        this.runName = RUNS + "/" + runId;
        this.run = new Path(target, runName);
    }

    static void checkTarget(FileSystem fs, Path target) throws IOException {
        checkOurs(fs, target, POINTER, RUNS);
    }

    static PointedOutput open(FileSystem fs, Path target, String runId) throws IOException {
        checkTarget(fs, target);
        PointedOutput out = new PointedOutput(fs, target, runId);
        if (fs.exists(out.run)) {
            throw new OutputException("a run folder " + out.run + " already exists; try again");
        }
        if (!fs.mkdirs(out.run)) {
            throw new OutputException("cannot create " + out.run);
        }
        return out;
    }

    /** The run a pointer names, checked to be a complete run folder of this output. */
    static Path follow(FileSystem fs, Path output, Path pointer) throws IOException {
        String named = readSmall(fs, pointer);
        if (!named.matches(RUNS + "/[A-Za-z0-9_-]+")) {
            throw new OutputException(pointer + " does not name a run folder (it reads '" + named + "')");
        }
        Path run = new Path(output, named);
        if (!fs.exists(new Path(run, MANIFEST))) {
            throw new OutputException(pointer + " names " + run + ", which is not a complete output");
        }
        return run;
    }

    @Override
    public Path staging() {
        return run;
    }

    @Override
    public Path target() {
        return run;
    }

    @Override
    public void commit() throws IOException {
        if (!fs.exists(new Path(run, MANIFEST))) {
            throw new OutputException("the run " + run + " has no manifest: it is not published");
        }
        Path pointer = new Path(target, POINTER);
        Path before = previous(pointer);
        writeSmall(fs, pointer, runName + "\n");
        prune(before);
    }

    /** The run readers see until the pointer is replaced; null if none, or if the pointer is damaged. */
    private Path previous(Path pointer) throws IOException {
        try {
            return fs.exists(pointer) ? follow(fs, target, pointer) : null;
        } catch (OutputException e) {
            return null;
        }
    }

    /** Deletes every run folder but this one and the one readers were pointed at until now. */
    private void prune(Path before) throws IOException {
        for (FileStatus s : fs.listStatus(new Path(target, RUNS))) {
            Path p = s.getPath();
            if (!p.getName().equals(run.getName()) && (before == null || !p.getName().equals(before.getName()))) {
                fs.delete(p, true);
            }
        }
    }
}
