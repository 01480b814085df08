package uk.ombudsman.analytics.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The commit where a folder rename is atomic (local disk, HDFS). A run writes into a hidden staging sibling; on
 * success the old folder is moved aside, the staging folder renamed into place, and the old one deleted. A run
 * that fails before that leaves the previous output untouched. If a crash falls between the two renames, the next
 * run finds the output missing and the set-aside copy present, and puts it back before doing anything else.
 */
final class RenamedOutput extends AtomicOutput {
    private static final String STAGING = ".staging-";
    private static final String PREVIOUS = ".previous-";

    private final Path staging;
    private final Path previous;

    private RenamedOutput(FileSystem fs, Path target, String runId) {
        super(fs, target);
        this.staging = sibling(target, STAGING + runId);
        this.previous = sibling(target, PREVIOUS + runId);
    }

    private static Path sibling(Path target, String suffix) {
        return new Path(target.getParent(), "." + target.getName() + suffix);
    }

    static RenamedOutput open(FileSystem fs, Path target, String runId) throws IOException {
        RenamedOutput out = new RenamedOutput(fs, target, runId);
        out.recover();
        checkTarget(fs, target);
        if (!fs.mkdirs(out.staging)) {
            throw new OutputException("cannot create " + out.staging + " beside the output");
        }
        return out;
    }

    static void checkTarget(FileSystem fs, Path target) throws IOException {
        checkOurs(fs, target, MANIFEST);
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

    @Override
    public Path staging() {
        return staging;
    }

    @Override
    public Path target() {
        return target;
    }

    @Override
    public void commit() throws IOException {
        dropChecksumFiles(fs, staging);
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
}
