package uk.ombudsman.analytics.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.base.RunLock;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.job.ReportSettings;

/**
 * The scheduled run. Under {@code ROOT}: {@code runs/<UTC timestamp>/} holds each published run (a complete job
 * output plus {@code changes.csv} and the analyst notebooks), {@code latest} is a symbolic link to the newest good one, switched atomically
 * only after the run is complete, {@code logs/} has one log per run, and {@code .lock} keeps runs apart.
 * Each run parses only the files that are new or changed since the run {@code latest} points to.
 */
public final class NightlyRun {
    public static final String RUNS = "runs";
    public static final String LATEST = "latest";
    public static final String LOGS = "logs";
    public static final String LOCK = ".lock";
    public static final String NOTEBOOKS = OutputLayout.NOTEBOOKS;
    /** The exit code of jobs/lib/execute-notebooks.sh when Jupyter is not installed. */
    static final int JUPYTER_MISSING = 4;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param landing the folder the scraper fills: a local path or any Hadoop URI
     * @param root where runs, latest, logs and the lock live: a local (or mounted) folder, since the lock and the
     *     switch of latest rely on the local file system
     * @param keep how many runs to keep (the one latest points to is always kept)
     * @param maxQuarantinedShare above this share of quarantined files the run is kept but not published
     * @param reports how the reports are figured
     * @param notebooksCommand what executes the notebooks into a run (OUTPUT_DIR DEST_DIR), or null for none
     */
    public record Options(String landing, Path root, int keep, double maxQuarantinedShare, Path councilsFile,
            ReportSettings reports, Path notebooksCommand) {
        public Options {
            if (keep < 1) {
                throw new IllegalArgumentException("--keep must be at least 1");
            }
            if (maxQuarantinedShare < 0 || maxQuarantinedShare > 1) {
                throw new IllegalArgumentException("--max-quarantined-share must be between 0 and 1");
            }
        }
    }

    /** What happened: published, nothing new, or held back; with the job's own result when it ran. */
    public record Outcome(Status status, Path run, JobResult result) {
        public enum Status { PUBLISHED, NOTHING_NEW, HELD_BACK }
    }

    private final Supplier<SparkSession> spark;
    private final Options options;
    private final JobProgress progress;

    /** @param spark started only once the lock is held, so a refused run stops at once */
    public NightlyRun(Supplier<SparkSession> spark, Options options, JobProgress progress) {
        this.spark = spark;
        this.options = options;
        this.progress = progress;
    }

    /** A name for this run's folder and log: its start time in UTC. */
    public static String stamp(Instant when) {
        return STAMP.format(when);
    }

    public Outcome run(String stamp) {
        Path root = options.root();
        Path runs = root.resolve(RUNS);
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new Failure("cannot create " + runs + ": " + e.getMessage(), ExitCode.OUTPUT, e);
        }
        Path lockFile = root.resolve(LOCK);
        try (RunLock lock = RunLock.tryAcquire(lockFile)) {
            if (lock == null) {
                throw new Failure("another nightly run is in progress under " + root + " ("
                        + RunLock.holder(lockFile) + "); this one stops without doing anything", ExitCode.LOCKED, null);
            }
            return runLocked(runs, stamp);
        } catch (IOException e) {
            throw new Failure("cannot use " + root + ": " + e.getMessage(), ExitCode.OUTPUT, e);
        }
    }

    private Outcome runLocked(Path runs, String stamp) throws IOException {
        removeLeftovers(runs);
        Path previous = latestRun();
        Path run = runs.resolve(stamp);
        if (Files.exists(run)) {
            throw new Failure("a run named " + stamp + " already exists; try again in a second",
                    ExitCode.FAILED, null);
        }
        JobConfig config = new JobConfig(options.landing(), run.toUri().toString(), options.councilsFile(),
                previous == null ? null : previous.toUri().toString(), true, options.reports());
        SparkSession session = spark.get();
        JobResult result = new DecisionJob(session, config, progress).run();
        if (!result.wroteOutput()) {
            return new Outcome(Outcome.Status.NOTHING_NEW, previous, result);
        }
        // The notebooks go inside the run before it is published, so latest never shows a run without them.
        notebooks(run);
        if (result.quarantinedShare() > options.maxQuarantinedShare()) {
            prune(runs, previous);
            return new Outcome(Outcome.Status.HELD_BACK, run, result);
        }
        switchLatest(run);
        prune(runs, run);
        return new Outcome(Outcome.Status.PUBLISHED, run, result);
    }

    /**
     * Executes the analyst notebooks against the run, into its notebooks folder, with the command given (the
     * project's jobs/lib/execute-notebooks.sh). Reports matter more than notebooks: where Jupyter is absent or a
     * notebook fails, the run is published without them and the log says why.
     */
    private void notebooks(Path run) {
        if (options.notebooksCommand() == null) {
            warn("no notebooks command given (--notebooks-command): the run is published without notebooks");
            return;
        }
        try {
            Process p = new ProcessBuilder(options.notebooksCommand().toString(), run.toString(),
                    run.resolve(NOTEBOOKS).toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code == JUPYTER_MISSING) {
                warn("Jupyter is not installed here: the run is published without notebooks");
            } else if (code != 0) {
                warn("the notebooks failed (exit " + code + "), the run is published without them:\n" + said.strip());
                deleteTree(run.resolve(NOTEBOOKS));
            }
        } catch (IOException e) {
            warn("the notebooks could not be run (" + e.getMessage() + "): the run is published without them");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while executing the notebooks", ExitCode.FAILED, e);
        }
    }

    private static void warn(String message) {
        System.err.println("nightly: warning: " + message);
    }

    /** The run latest points to, or null before the first published run. */
    private Path latestRun() throws IOException {
        Path latest = options.root().resolve(LATEST);
        if (!Files.isSymbolicLink(latest)) {
            return null;
        }
        Path target = latest.toRealPath();
        return Files.isDirectory(target) ? target : null;
    }

    /**
     * Points latest at the new run in one rename: readers see the old run or the new one, never neither. A link
     * made beside it first, then moved over it, which POSIX rename makes atomic.
     */
    private void switchLatest(Path run) throws IOException {
        Path root = options.root();
        Path temporary = root.resolve(".latest-" + run.getFileName());
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, root.relativize(run));
        Files.move(temporary, root.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A killed run leaves a staging folder (and perhaps a half-made link) behind; under the lock nothing else is
     * writing, so whatever is hidden under runs/ is such a leftover.
     */
    private void removeLeftovers(Path runs) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(runs, p -> p.getFileName().toString().startsWith("."))) {
            s.forEach(leftovers::add);
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(options.root(),
                p -> p.getFileName().toString().startsWith(".latest-"))) {
            s.forEach(leftovers::add);
        }
        for (Path p : leftovers) {
            deleteTree(p);
        }
    }

    /** Keeps the newest runs, always including {@code keepAlways}. */
    private void prune(Path runs, Path keepAlways) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(runs)) {
            all = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
        for (int i = options.keep(); i < all.size(); i++) {
            Path p = all.get(i);
            if (keepAlways == null || !p.toRealPath().equals(keepAlways.toRealPath())) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isSymbolicLink(p) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
