package uk.ombudsman.analytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.generate.CorpusGenerator;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.nightly.NightlyRun;

/**
 * jobs/nightly.sh as cron runs it: started twice at once, and killed part-way. The tests build on each other, in
 * order, over one root: the run the refused one found working is the good run the killed one must leave published
 * (a full run of the corpus fewer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /**
     * Plain Java 17: on a machine with Java 25 every run here after the first would record a start-up cache (twice a
     * run's cost) that no later run here uses, since the refused and the killed run's recordings are dropped (89 s
     * against 60 s for the class alone). What is tested is the nightly run; StartupCacheTest checks the cache's
     * steps with a stand-in JDK, and the other integration tests' launches go through them with the real one.
     */
    private static final Map<String, String> ENV = Map.of("LGSCO_JAVA25", "none");

    @TempDir
    static Path dir;
    static Path landing;
    static Path root;

    /**
     * Stands in for the notebooks' runner: what is tested here is killing and locking, and Jupyter would add half a
     * minute to each run (NotebooksIT executes the notebooks, FetchIT a nightly run with them).
     */
    static Path notebooks;

    @BeforeAll
    static void landACorpus() throws IOException {
        new CorpusGenerator(2000, 5).writeTo(dir.resolve("gen"));
        landing = dir.resolve("gen").resolve(CorpusGenerator.CORPUS);
        root = dir.resolve("root");
        notebooks = dir.resolve("execute-notebooks.sh");
        Files.writeString(notebooks, "#!/bin/sh\ntest -f \"$1/decisions.csv\" || exit 3\nmkdir -p \"$2\"\n");
        notebooks.toFile().setExecutable(true);
    }

    private static String[] nightlyArgs(Path root) {
        return new String[] {"--landing", landing.toString(), "--root", root.toString(), "--master", "local[2]",
            "--notebooks-command", notebooks.toString()};
    }

    /** The first night, on an empty root: a second run started while it works is refused, and it publishes. */
    @Test
    @Order(1)
    void aSecondRunStartedWhileOneIsRunningIsRefusedAtOnce() throws IOException, InterruptedException {
        Path firstLog = dir.resolve("first.log");
        Process first = Scripts.start(firstLog, ENV, "nightly.sh", nightlyArgs(root));
        Scripts.await(() -> read(firstLog).contains(JobProgress.Stage.READ_AND_PARSE.label()), TIMEOUT, firstLog);

        Path secondLog = dir.resolve("second.log");
        long started = System.nanoTime();
        int refused = Scripts.run(secondLog, ENV, TIMEOUT, "nightly.sh", nightlyArgs(root));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(ExitCode.LOCKED.code(), refused, Scripts.read(secondLog));
        assertTrue(Scripts.read(secondLog).contains("another nightly run is in progress"), Scripts.read(secondLog));
        assertTrue(first.isAlive(), "the refused run did not disturb the first");
        System.out.printf("NightlyIT: second run refused with exit %d after %.1f s%n", refused, seconds);
        // Without starting Spark (NightlyRunTest checks the session is never asked for): no stage line. The bound
        // only catches a hang: the refused JVM's start takes 2.5 to 5 s on an idle machine, and 11.5 s was seen
        // beside another integration test on two cores.
        String said = Scripts.read(secondLog);
        for (JobProgress.Stage stage : JobProgress.Stage.values()) {
            assertFalse(said.contains("] " + stage.label()), said);
        }
        assertTrue(seconds < 30, "refused at once: " + seconds + " s");

        assertEquals(0, Scripts.finish(first, TIMEOUT, firstLog), Scripts.read(firstLog));
        assertTrue(Files.isDirectory(root.resolve(NightlyRun.LATEST)));
    }

    /** The next nights, over the root the first published. */
    @Test
    @Order(2)
    void aRunKilledPartWayLeavesLatestIntactAndTheNextRunSucceeds() throws IOException, InterruptedException {
        Path good = root.resolve(NightlyRun.LATEST).toRealPath();
        byte[] goodManifest = Files.readAllBytes(good.resolve("_manifest.json"));

        // New decisions arrive; the next run is killed (SIGKILL, as the OOM killer or a reboot would) mid-write.
        new CorpusGenerator(300, 6).writeTo(dir.resolve("more"));
        Files.move(dir.resolve("more").resolve(CorpusGenerator.CORPUS), landing.resolve("more"));
        Path killedLog = dir.resolve("killed.log");
        Process run = Scripts.start(killedLog, ENV, "nightly.sh", nightlyArgs(root));
        Scripts.await(() -> read(killedLog).contains(JobProgress.Stage.WRITE_OUTPUTS.label()), TIMEOUT, killedLog);
        run.destroyForcibly().waitFor();

        assertEquals(good, root.resolve(NightlyRun.LATEST).toRealPath(), "latest still points at the good run");
        assertTrue(java.util.Arrays.equals(goodManifest, Files.readAllBytes(good.resolve("_manifest.json"))));
        assertFalse(hiddenUnder(root.resolve(NightlyRun.RUNS)).isEmpty(), "the killed run left its staging folder");

        Path nextLog = dir.resolve("next.log");
        assertEquals(0, Scripts.run(nextLog, ENV, TIMEOUT, "nightly.sh", nightlyArgs(root)), Scripts.read(nextLog));
        Path next = root.resolve(NightlyRun.LATEST).toRealPath();
        assertFalse(next.equals(good), "the next run published");
        assertEquals(List.of(), hiddenUnder(root.resolve(NightlyRun.RUNS)), "and cleared what the killed run left");
        // Only the files that arrived were parsed: the generator's own count of the files it wrote.
        String arrived = JobRuns.csv(dir.resolve("more/truth/counts.csv")).stream()
                .filter(r -> r.get("name").equals("files")).findFirst().orElseThrow().get("value");
        Map<?, ?> counts = (Map<?, ?>) JobRuns.manifest(next).get("counts");
        assertEquals(arrived, String.valueOf(counts.get("files_parsed_this_run")));
    }

    private static List<Path> hiddenUnder(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static String read(Path log) {
        try {
            return Scripts.read(log);
        } catch (IOException e) {
            return "";
        }
    }
}
