package uk.ombudsman.analytics.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output that readers see whole or not at all, on any Hadoop file system. Where a folder rename is atomic (the
 * local disk, HDFS) a run writes into a hidden sibling and is renamed into place: {@link RenamedOutput}. Object
 * stores (s3a, gs, abfs and anything else) have no atomic rename, so each run writes its own folder under
 * {@code runs/} and a small pointer object, {@code _latest}, names the newest complete run; it is written last, in
 * one request: {@link PointedOutput}. {@link #latest} finds the complete output either way.
 */
public abstract class AtomicOutput {
    /** Written last into every complete output; marks a folder as ours and whole. */
    public static final String MANIFEST = "_manifest.json";
    /** Schemes whose folder rename is atomic; every other store gets the pointer layout. */
    private static final Set<String> ATOMIC_RENAME = Set.of("file", "hdfs", "viewfs");

    protected final FileSystem fs;
    protected final Path target;

    protected AtomicOutput(FileSystem fs, Path target) {
        this.fs = fs;
        this.target = target;
    }

    /**
     * Prepares this run's folder for {@code target}, after clearing up what a killed run left.
     *
     * @throws OutputException when the target is a file, or a folder that is not a previous output of this job
     */
    public static AtomicOutput begin(FileSystem fs, Path target, String runId) throws IOException {
        Path qualified = qualified(fs, target);
        return renamesAtomically(fs) ? RenamedOutput.open(fs, qualified, runId)
                : PointedOutput.open(fs, qualified, runId);
    }

    /**
     * The checks {@link #begin} makes, writing nothing: a run makes them before it reads its input, so a wrong
     * output fails at once rather than after every file is parsed.
     *
     * @throws OutputException when the target is a file, or a folder that is not a previous output of this job
     */
    public static void check(FileSystem fs, Path target) throws IOException {
        Path qualified = qualified(fs, target);
        Path above = qualified.getParent();
        while (above != null && !fs.exists(above)) {
            above = above.getParent();
        }
        if (above != null && !fs.getFileStatus(above).isDirectory()) {
            throw new OutputException("the output " + target + " cannot be made: " + above + " is a file");
        }
        if (renamesAtomically(fs)) {
            RenamedOutput.checkTarget(fs, qualified);
        } else {
            PointedOutput.checkTarget(fs, qualified);
        }
    }

    private static Path qualified(FileSystem fs, Path target) throws IOException {
        Path qualified = fs.makeQualified(target);
        if (qualified.getParent() == null) {
            throw new OutputException("the output cannot be the root of a file system: " + target);
        }
        return qualified;
    }

    static boolean renamesAtomically(FileSystem fs) {
        return ATOMIC_RENAME.contains(fs.getScheme().toLowerCase(Locale.ROOT));
    }

    /**
     * The folder holding the newest complete output under {@code output}: the run {@code _latest} names on an
     * object store, the output itself elsewhere; null when there is none yet.
     */
    public static Path latest(FileSystem fs, Path output) throws IOException {
        Path pointer = new Path(output, PointedOutput.POINTER);
        if (fs.exists(pointer)) {
            return PointedOutput.follow(fs, output, pointer);
        }
        return fs.exists(new Path(output, MANIFEST)) ? output : null;
    }

    /** Where this run writes. */
    public abstract Path staging();

    /** Where readers find this run's output once committed. */
    public abstract Path target();

    /** Makes the staged output the one readers see. The manifest must already be in the staging folder. */
    public abstract void commit() throws IOException;

    /** Drops what a failed run wrote; the previous output was never touched. */
    public void abort() {
        try {
            fs.delete(staging(), true);
        } catch (IOException e) {
            // Nothing more to do: a stale run folder is harmless, named after its run, and cleared by the next.
        }
    }

    /** Refuses a folder that holds something other than this job's outputs, so nothing of the user's is replaced. */
    protected static void checkOurs(FileSystem fs, Path target, String... marks) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        FileStatus status = fs.getFileStatus(target);
        if (!status.isDirectory()) {
            throw new OutputException("the output " + target + " is a file, not a folder");
        }
        if (fs.listStatus(target).length == 0) {
            return;
        }
        for (String mark : marks) {
            if (fs.exists(new Path(target, mark))) {
                return;
            }
        }
        throw new OutputException("the output " + target + " exists and is not a report folder of this job "
                + "(no " + String.join(" or ", marks) + "); choose an empty or new folder so nothing of yours is "
                + "replaced");
    }

    /**
     * Hadoop's local file system writes a {@code .name.crc} checksum beside every file; in a report folder they are
     * clutter that other tools trip over. They go before the output is published. (The local file system itself
     * stays the checksummed one Hadoop expects: S3A's upload buffers and other libraries insist on it.)
     */
    protected static void dropChecksumFiles(FileSystem fs, Path folder) throws IOException {
        if (!(fs instanceof LocalFileSystem local)) {
            return;
        }
        try (Stream<java.nio.file.Path> files = Files.walk(local.pathToFile(folder).toPath())) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".crc")) {
                    Files.delete(p);
                }
            }
        }
    }

    protected static void writeSmall(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream os = fs.create(file, true)) {
            os.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    protected static String readSmall(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return line == null ? "" : line.strip();
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
