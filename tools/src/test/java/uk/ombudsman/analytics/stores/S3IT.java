package uk.ombudsman.analytics.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.export.AtomicOutput;
import uk.ombudsman.analytics.generate.CorpusGenerator;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.job.ReportSettings;
import uk.ombudsman.analytics.nightly.NightlyRun;

/**
 * The job on S3: a real S3 API server on 127.0.0.1 (s3proxy), reached through Hadoop's S3A connector, in this
 * JVM and through jobs/run-local.sh as a user runs it. Reports equal a local run's; a run killed mid-write leaves
 * readers the last complete output; no credential reaches the log or the manifest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3IT {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final String LANDING = "s3a://decisions/landing";
    /** The output the first two tests write to, in order. */
    private static final String OUTPUT = "s3a://reports/runs";

    @TempDir
    static Path dir;
    static S3Server s3;
    static Configuration conf;
    static Path corpus;
    static Path localOutput;

    @BeforeAll
    static void startS3AndRunLocally() throws Exception {
        s3 = S3Server.start(dir.resolve("s3"), "decisions", "reports");
        conf = SharedSpark.get().sparkContext().hadoopConfiguration();
        s3.sparkConfWithKeys().forEach((k, v) -> conf.set(k.substring("spark.hadoop.".length()), v));
        // Every file costs requests to the server on each of the class's seven runs on S3: 120 decisions (both
        // layouts, and files to quarantine) check what 400 did in half a minute less.
        new CorpusGenerator(120, 37).writeTo(dir.resolve("gen"));
        corpus = dir.resolve("gen").resolve(CorpusGenerator.CORPUS);
        StoreOutputs.upload(corpus, new org.apache.hadoop.fs.Path(LANDING), conf);
        localOutput = dir.resolve("local-output");
        JobRuns.run(corpus, localOutput);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void aRunReadingAndWritingS3WritesTheReportsALocalRunWritesBehindAPointer() throws IOException {
        JobResult first = run(OUTPUT);
        assertTrue(first.output().startsWith(OUTPUT + "/runs/"), "each run has its own folder: " + first.output());
        assertEquals(first.output(), latest(OUTPUT).toString(), "_latest names it");
        Path back = StoreOutputs.download(latest(OUTPUT), dir.resolve("from-s3"), conf);
        StoreOutputs.assertSameCsvs(localOutput, "file:" + corpus, back, LANDING);
    }

    @Test
    void aNightlyRunTakesItsLandingFolderFromS3() throws IOException {
        Path nightlyRoot = dir.resolve("nightly");
        NightlyRun.Outcome first = nightly(nightlyRoot, Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(NightlyRun.Outcome.Status.PUBLISHED, first.status());
        StoreOutputs.assertSameCsvs(localOutput, "file:" + corpus, first.run(), LANDING);

        // A decision lands on S3 (one PUT: whole or not at all): the next run parses that file alone.
        Path one;
        try (var files = Files.walk(corpus)) {
            one = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        org.apache.hadoop.fs.Path arrived = new org.apache.hadoop.fs.Path(LANDING + "/arrived.txt");
        StoreOutputs.upload(one, arrived, conf);
        try {
            NightlyRun.Outcome second = nightly(nightlyRoot, Instant.parse("2026-01-02T00:00:00Z"));
            assertEquals(NightlyRun.Outcome.Status.PUBLISHED, second.status());
            assertEquals(1, second.result().delta().parsed(), "only the file that arrived was parsed");
        } finally {
            arrived.getFileSystem(conf).delete(arrived, false);
        }
    }

    /**
     * Over the output the first test wrote to: its run is the oldest of three when the next one publishes, so the
     * same runs show that only the newest and the one before it are kept (two runs fewer than a test of its own),
     * and the next run, given the keys as settings, shows that no secret reaches a log or a manifest (one run fewer).
     */
    @Test
    @Order(2)
    void aRunKilledMidWriteLeavesReadersTheLastCompleteOutputAndTheNextRunSucceedsWithNoSecretInItsLogOrManifest()
            throws Exception {
        String output = OUTPUT;
        assertEquals(1, runFolders(output).size(), "the first test's run is there, the oldest");
        JobResult good = run(output);
        byte[] goodManifest = read(new org.apache.hadoop.fs.Path(good.output(), AtomicOutput.MANIFEST));

        List<String> published = runFolders(output);
        Path log = dir.resolve("killed.log");
        Process p = script(log, Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY), "--output", output);
        // SIGKILL, as the OOM killer or a lost node would, once the new run has written part of its folder.
        awaitOrFail(() -> runFolders(output).size() > published.size() && !objectsUnder(newest(output)).isEmpty(), p,
                log);
        p.destroyForcibly().waitFor();
        String killed = newest(output);
        assertFalse(fs().exists(new org.apache.hadoop.fs.Path(output + "/runs/" + killed, AtomicOutput.MANIFEST)),
                "the run was killed before it finished (else this test proves nothing):\n" + Files.readString(log));

        assertEquals(good.output(), latest(output).toString(), "readers are still pointed at the good run");
        assertTrue(Arrays.equals(goodManifest, read(new org.apache.hadoop.fs.Path(good.output(),
                AtomicOutput.MANIFEST))));
        Path back = StoreOutputs.download(latest(output), dir.resolve("after-kill"), conf);
        StoreOutputs.assertSameCsvs(localOutput, "file:" + corpus, back, LANDING);

        // The next run is a user's run with the keys given as settings and Spark's own log on (--verbose): the one
        // launch checks both that it recovers and that no secret reaches its log or its manifest.
        Path nextLog = dir.resolve("next.log");
        List<String> args = new ArrayList<>(List.of("--output", output));
        args.addAll(keysAsSettings());
        assertEquals(0, finish(script(nextLog, Map.of(), args.toArray(String[]::new)), nextLog),
                Files.readString(nextLog));
        List<String> folders = runFolders(output);
        assertFalse(folders.contains(killed), "the killed run's folder is gone: " + folders);
        assertEquals(2, folders.size(), "the good run stays, as the previous one, beside the next: " + folders);
        assertEquals(name(good.output()), folders.get(0), "the good run stays, as the previous one");
        assertEquals(folders.get(1), latest(output).getName(), "the next run publishes");
        String manifest = new String(read(new org.apache.hadoop.fs.Path(latest(output), AtomicOutput.MANIFEST)),
                StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"input\" : \"" + LANDING + "\""), manifest);
        assertFalse(manifest.contains(S3Server.SECRET_KEY), "the manifest has no secret");
        String said = Files.readString(nextLog);
        assertTrue(said.contains("INFO"), "the verbose log, Spark's own lines included");
        assertFalse(said.contains(S3Server.SECRET_KEY), "the log has no secret");
    }

    /** A run that fails (a bucket that does not exist) says why, without the secret it was given as a setting. */
    @Test
    void aRunThatFailsOnS3SaysWhyWithoutTheSecretItWasGiven() throws Exception {
        Path failedLog = dir.resolve("secret-failed.log");
        List<String> failing = new ArrayList<>(List.of("--output", "s3a://no-such-bucket/out"));
        failing.addAll(keysAsSettings());
        int code = finish(script(failedLog, Map.of(), failing.toArray(String[]::new)), failedLog);
        String failed = Files.readString(failedLog);
        assertEquals(ExitCode.OUTPUT.code(), code, failed);
        assertTrue(failed.contains("error: "), failed);
        assertFalse(failed.contains(S3Server.SECRET_KEY), "the failure has no secret");
    }

    /** The keys as a user may pass them, as settings, with the verbose log that would print settings. */
    private static List<String> keysAsSettings() {
        return List.of("--conf", "spark.hadoop.fs.s3a.access.key=" + S3Server.ACCESS_KEY,
                "--conf", "spark.hadoop.fs.s3a.secret.key=" + S3Server.SECRET_KEY, "--verbose");
    }

    /** jobs/run-local.sh on the landing folder, reaching the server with settings as a user passes them. */
    private static Process script(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of("jobs/run-local.sh").toAbsolutePath().toString(),
                "--input", LANDING, "--master", "local[2]"));
        s3.sparkConf().forEach((k, v) -> {
            command.add("--conf");
            command.add(k + "=" + v);
        });
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = pb.environment();
        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");
        environment.putAll(env);
        environment.put("DRIVER_MEMORY", "1g");
        // Plain Java 17: a start-up cache would first be recorded for the classpath with S3A, a slower run.
        environment.put("LGSCO_JAVA25", "none");
        return pb.start();
    }

    private static int finish(Process p, Path log) throws Exception {
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out; output:\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    private static void awaitOrFail(Check check, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!check.holds()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the run never got to writing; output:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static JobResult run(String output) {
        return new DecisionJob(SharedSpark.get(), new JobConfig(LANDING, output, null), JobProgress.SILENT).run();
    }

    private static NightlyRun.Outcome nightly(Path nightlyRoot, Instant when) {
        NightlyRun.Options options = new NightlyRun.Options(LANDING, nightlyRoot, 3, 0.5, null,
                ReportSettings.DEFAULT, null);
        return new NightlyRun(SharedSpark::get, options, JobProgress.SILENT).run(NightlyRun.stamp(when));
    }

    private static FileSystem fs() throws IOException {
        return new org.apache.hadoop.fs.Path("s3a://reports/").getFileSystem(conf);
    }

    private static org.apache.hadoop.fs.Path latest(String output) throws IOException {
        return AtomicOutput.latest(fs(), new org.apache.hadoop.fs.Path(output));
    }

    /** The run folders under an output, oldest first (run ids begin with their start time). */
    private static List<String> runFolders(String output) throws IOException {
        org.apache.hadoop.fs.Path runs = new org.apache.hadoop.fs.Path(output + "/runs");
        if (!fs().exists(runs)) {
            return List.of();
        }
        return Arrays.stream(fs().listStatus(runs)).map(s -> s.getPath().getName()).sorted().toList();
    }

    private static String newest(String output) throws IOException {
        List<String> all = runFolders(output);
        return all.get(all.size() - 1);
    }

    private List<String> objectsUnder(String run) throws IOException {
        List<String> names = new ArrayList<>();
        RemoteIterator<? extends FileStatus> it = fs().listFiles(
                new org.apache.hadoop.fs.Path(OUTPUT + "/runs/" + run), true);
        while (it.hasNext()) {
            names.add(it.next().getPath().getName());
        }
        return names;
    }

    private static String name(String run) {
        return new org.apache.hadoop.fs.Path(run).getName();
    }

    private static byte[] read(org.apache.hadoop.fs.Path file) throws IOException {
        try (InputStream in = fs().open(file)) {
            return in.readAllBytes();
        }
    }
}
