package uk.ombudsman.analytics.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output folder that is replaced whole or not at all. A run writes into a hidden staging sibling; on success
 * the old folder is moved aside, the staging folder renamed into place, and the old one deleted. A run that fails
 * before that leaves the previous output untouched. If a crash falls between the two renames, the next run
 * finds the output missing and the set-aside copy present, and puts it back before doing anything else.
 */
public final class AtomicOutput {
    /** Written last into every complete output; marks a folder as ours and whole. */
    public static final String MANIFEST = "_manifest.json";
    private static final String STAGING = ".staging-";
    private static final String PREVIOUS = ".previous-";

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final Path previous;

    private AtomicOutput(FileSystem fs, Path target, String runId) {
        this.fs = fs;
        this.target = target;
        this.staging = sibling(target, STAGING + runId);
        this.previous = sibling(target, PREVIOUS + runId);
    }

    private static Path sibling(Path target, String suffix) {
        return new Path(target.getParent(), "." + target.getName() + suffix);
    }

    /**
     * Prepares a staging folder for {@code target}, after restoring an output a crashed run left set aside.
     *
     * @throws OutputException when the target is a file, or a folder that is not a previous output of this job
     */
    public static AtomicOutput begin(FileSystem fs, Path target, String runId) throws IOException {
        Path qualified = fs.makeQualified(target);
        if (qualified.getParent() == null) {
            throw new OutputException("the output cannot be the root of a file system: " + target);
        }
        AtomicOutput out = new AtomicOutput(fs, qualified, runId);
        out.recover();
        if (fs.exists(qualified)) {
            FileStatus status = fs.getFileStatus(qualified);
            if (!status.isDirectory()) {
                throw new OutputException("the output " + target + " is a file, not a folder");
            }
            if (fs.listStatus(qualified).length > 0 && !fs.exists(new Path(qualified, MANIFEST))) {
                throw new OutputException("the output " + target + " exists and is not a report folder of this job "
                        + "(no " + MANIFEST + "); choose an empty or new folder so nothing of yours is replaced");
            }
        }
        if (!fs.mkdirs(out.staging)) {
            throw new OutputException("cannot create " + out.staging + " beside the output");
        }
        return out;
    }

    private void recover() throws IOException {
        Path parent = target.getParent();
        if (!fs.exists(parent)) {
            return;
        }
        String prefix = "." + target.getName();
        FileStatus[] leftovers = fs.listStatus(parent, p -> p.getName().startsWith(prefix + PREVIOUS));
        if (!fs.exists(target) && leftovers.length > 0) {
            Arrays.sort(leftovers, Comparator.comparing(s -> s.getPath().getName()));
            fs.rename(leftovers[leftovers.length - 1].getPath(), target);
        }
        for (FileStatus s : fs.listStatus(parent, p -> p.getName().startsWith(prefix + PREVIOUS))) {
            fs.delete(s.getPath(), true);
        }
    }

    /** Where this run writes. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Puts the staged output in place of the old one. */
    public void commit() throws IOException {
        boolean hadPrevious = fs.exists(target);
        if (hadPrevious && !fs.rename(target, previous)) {
            throw new OutputException("cannot move the previous output " + target + " aside");
        }
        if (!fs.rename(staging, target)) {
            if (hadPrevious) {
                fs.rename(previous, target);
            }
            throw new OutputException("cannot move the new output into place at " + target);
        }
        if (hadPrevious) {
            fs.delete(previous, true);
        }
    }

    /** Drops the staging folder of a failed run; the previous output was never touched. */
    public void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            // Nothing more to do: a stale staging folder is harmless and named after its run.
        }
    }

    /** A problem with the output location, reported to the user in one line. */
    public static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        public OutputException(String message) {
            super(message);
        }
    }
}
