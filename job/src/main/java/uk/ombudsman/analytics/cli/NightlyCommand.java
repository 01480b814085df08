package uk.ombudsman.analytics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.fetch.FetchFailure;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.nightly.NightlyRun;

/** {@code nightly}: the scheduled, incremental, locked run that publishes dated reports. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Parse what is new or changed in the landing folder since the last published run, merge it "
                + "into the stored decisions, rebuild every report and changes.csv, publish the run to "
                + "ROOT/runs/<UTC time>/ and switch ROOT/latest to it atomically.",
            "A run with nothing new publishes nothing. A failed or killed run leaves ROOT/latest as it was.",
            "With --fetch, new decisions are first fetched from the Ombudsman's website into the landing folder (as "
                + "the fetch command does, from its default dates); a failed fetch publishes nothing and exits with "
                + "the fetch's code; an incomplete one (exit ${sys:" + ExitCode.HELP + "INCOMPLETE}) is published "
                + "with a warning and the run exits ${sys:" + ExitCode.HELP + "INCOMPLETE}."})
public final class NightlyCommand implements Callable<Integer>, Returns {
    /** How many run logs stay in ROOT/logs. */
    private static final int LOGS_KEPT = 100;

    @Option(names = "--landing", required = true, paramLabel = "PATH",
            description = "Folder the decisions arrive in (read recursively): local path or any Hadoop URI.")
    String landing;

    @Option(names = "--root", required = true, paramLabel = "DIR",
            description = "Local folder for runs/, latest, logs/ and the lock.")
    Path root;

    @Option(names = "--keep", defaultValue = "7", paramLabel = "N",
            description = "Runs to keep (default: ${DEFAULT-VALUE}); the one latest points to is always kept.")
    int keep;

    @Option(names = "--max-quarantined-share", defaultValue = "0.05", paramLabel = "SHARE",
            description = "Above this share of quarantined files (0 to 1, default: ${DEFAULT-VALUE}) the run is "
                    + "not published and the exit code is ${sys:" + ExitCode.HELP + "QUARANTINE}: a flood of unreadable "
                    + "files usually means the scrape broke.")
    double maxQuarantinedShare;

    @Option(names = "--notebooks-command", paramLabel = "PATH",
            description = "What executes the analyst notebooks into each run (jobs/nightly.sh passes the project's "
                    + "jobs/lib/execute-notebooks.sh); without it, or without Jupyter, runs are published without "
                    + "notebooks and a warning.")
    Path notebooksCommand;

    @Option(names = "--fetch", description = "First fetch new decisions from the Ombudsman's website into the "
            + "landing folder, which must then be local (see fetch --help for what it does and how politely).")
    boolean fetch;

    @CommandLine.Mixin
    SiteOptions site;

    @CommandLine.Mixin
    JobOptions job;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.INPUT, ExitCode.OUTPUT, ExitCode.LOCKED,
                ExitCode.QUARANTINE, ExitCode.REFUSED, ExitCode.INCOMPLETE);
    }

    @Override
    public Integer call() throws IOException {
        job.validate();
        if (!fetch && SiteOptions.anyGiven(spec.commandLine().getParseResult())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--site, --rate, --contact and --max-time need --fetch");
        }
        Path fetchInto = fetch ? localLanding() : null;
        NightlyRun.Options options;
        try {
            options = new NightlyRun.Options(landing, root.toAbsolutePath(), keep, maxQuarantinedShare, job.councils,
                    job.reports(), notebooksCommand);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String stamp = NightlyRun.stamp(Instant.now());
        Path logs = options.root().resolve(NightlyRun.LOGS);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new Failure("cannot create " + logs + ": " + e.getMessage(), ExitCode.OUTPUT, e);
        }
        Path logFile = logs.resolve(stamp + ".log");
        try (Writer file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
                PrintWriter log = new PrintWriter(file, true);
                PrintWriter out = job.quiet ? log
                        : new PrintWriter(new Tee(spec.commandLine().getOut(), file), true)) {
            log.printf("%s nightly run %s: landing %s, root %s%n", Instant.now(), stamp, landing, options.root());
            try {
                FetchFailure incomplete = null;
                if (fetchInto != null) {
                    // Before the run and its lock: a fetch that fails leaves the published reports as they were.
                    try {
                        site.fetch(fetchInto, null, null, out, out, spec);
                    } catch (FetchFailure f) {
                        if (f.exitCode() != ExitCode.INCOMPLETE) {
                            throw f;
                        }
                        // One page the site will not serve must not hold every night's reports back.
                        incomplete = f;
                        out.printf("warning: %s%nThe run goes on with what was fetched and then exits %d.%n",
                                f.getMessage(), ExitCode.INCOMPLETE.code());
                    }
                }
                int code = runAndReport(options, stamp, out);
                if (code == 0 && incomplete != null) {
                    code = ExitCode.INCOMPLETE.code();
                }
                log.printf("%s exit %d%n", Instant.now(), code);
                return code;
            } catch (RuntimeException e) {
                log.printf("%s failed: %s%n", Instant.now(), e.getMessage());
                throw e;
            } finally {
                pruneLogs(logs);
            }
        }
    }

    /** The landing folder as a local path: the fetch writes files, which only a local (or mounted) folder takes. */
    private Path localLanding() {
        URI uri;
        try {
            uri = new URI(landing);
        } catch (URISyntaxException e) {
            return Path.of(landing); // not a URI at all: a plain path with characters a URI would escape
        }
        if (uri.getScheme() == null) {
            return Path.of(landing);
        }
        if (uri.getScheme().equals("file") && uri.getPath() != null && uri.getPath().startsWith("/")) {
            return Path.of(uri.getPath());
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--fetch needs a local landing folder, not "
                + landing);
    }

    private int runAndReport(NightlyRun.Options options, String stamp, PrintWriter out) {
        long start = System.nanoTime();
        // Progress always reaches the log; with --quiet, out is the log alone.
        NightlyRun.Outcome outcome = new NightlyRun(job::session, options, JobOptions.stageLines(out, start))
                .run(stamp);
        JobResult r = outcome.result();
        double seconds = (System.nanoTime() - start) / 1e9;
        switch (outcome.status()) {
            case NOTHING_NEW -> {
                out.printf("Nothing new or changed in %d files since %s: latest left as it was.%n", r.filesRead(),
                        outcome.run());
                return 0;
            }
            case HELD_BACK -> {
                Summary.print(r, seconds, out);
                out.printf("%nNOT PUBLISHED: %.1f%% of the files were quarantined, above the %.1f%% allowed. The run "
                        + "is kept at %s for a look; latest is unchanged.%n", 100 * r.quarantinedShare(),
                        100 * options.maxQuarantinedShare(), outcome.run());
                return ExitCode.QUARANTINE.code();
            }
            default -> {
                Summary.print(r, seconds, out);
                JobResult.Delta d = r.delta();
                out.printf("%nPublished %s (%s: %d files parsed, %d carried over, %d removed); latest now points "
                        + "to it.%n", outcome.run().getFileName(), d.mode(), d.parsed(), d.reused(), d.removed());
                return 0;
            }
        }
    }

    private static void pruneLogs(Path logs) {
        try (Stream<Path> s = Files.list(logs)) {
            List<Path> old = s.sorted(Comparator.comparing(Path::getFileName).reversed()).skip(LOGS_KEPT).toList();
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Old logs are kept rather than failing a run that has done its work.
        }
    }

    /** Writes to the console and to the run's log file. */
    private static final class Tee extends Writer {
        private final Writer a;
        private final Writer b;

        Tee(Writer a, Writer b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            flush(); // the console is not ours to close, and the file is closed by its owner
        }
    }
}
