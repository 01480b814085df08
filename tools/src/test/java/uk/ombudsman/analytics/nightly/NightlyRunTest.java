package uk.ombudsman.analytics.nightly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.base.RunLock;
import uk.ombudsman.analytics.generate.CorpusGenerator;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.ReportSettings;

/**
 * Nightly runs over a landing folder that grows between them: the incremental result must equal a full run, a
 * night with nothing new must change nothing, a flood of bad files must not be published, and a held lock must
 * stop a second run. The tests build on each other, in order, over one root.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunTest {
    @TempDir
    static Path dir;
    static Path landing;
    static Path root;
    static Path held;
    static int second;
    /** Stands in for jobs/lib/execute-notebooks.sh: writes a notebook into DEST_DIR, as Jupyter would. */
    static Path notebooks;

    @BeforeAll
    static void landSomeOfACorpus() throws IOException {
        Path generated = dir.resolve("gen");
        new CorpusGenerator(300, 7).writeTo(generated);
        landing = generated.resolve(CorpusGenerator.CORPUS);
        root = dir.resolve("root");
        notebooks = dir.resolve("execute-notebooks.sh");
        Files.writeString(notebooks, "#!/bin/sh\ntest -f \"$1/decisions.csv\" || exit 3\nmkdir -p \"$2\"\n"
                + "echo '{}' > \"$2/councils.ipynb\"\n");
        notebooks.toFile().setExecutable(true);
        // Every third file arrives only before the second night.
        held = dir.resolve("held");
        List<Path> files = files(landing);
        for (int i = 0; i < files.size(); i += 3) {
            Path target = held.resolve(landing.relativize(files.get(i)));
            Files.createDirectories(target.getParent());
            Files.move(files.get(i), target);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Each run needs its own name: runs are stamped to the second. */
    private static NightlyRun.Outcome nightly(double maxQuarantinedShare) {
        return nightly(maxQuarantinedShare, SharedSpark::get);
    }

    private static NightlyRun.Outcome nightly(double maxQuarantinedShare, Supplier<SparkSession> spark) {
        NightlyRun.Options options = new NightlyRun.Options(landing.toString(), root, 3, maxQuarantinedShare, null,
                ReportSettings.DEFAULT, notebooks);
        return new NightlyRun(spark, options, JobProgress.SILENT)
                .run(NightlyRun.stamp(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second++)));
    }

    private static Path latest() throws IOException {
        return root.resolve(NightlyRun.LATEST).toRealPath();
    }

    @Test
    @Order(1)
    void theSecondNightParsesOnlyWhatIsNewAndEqualsOneFullRun() throws IOException {
        NightlyRun.Outcome first = nightly(0.5);
        assertEquals(NightlyRun.Outcome.Status.PUBLISHED, first.status());
        assertEquals(first.run().toRealPath(), latest());
        long firstFiles = files(landing).size();
        assertEquals("full", first.result().delta().mode());

        // Overnight: the held third arrives, one file is re-saved with new bytes, one decision is withdrawn.
        List<Path> arriving = files(held);
        for (Path f : arriving) {
            Path target = landing.resolve(held.relativize(f));
            Files.createDirectories(target.getParent());
            Files.move(f, target);
        }
        List<CSVRecord> before = JobRuns.csv(latest().resolve("decisions.csv"));
        CSVRecord resaved = before.get(10);
        CSVRecord withdrawn = uniqueCopy(before, 20);
        Path resavedFile = Path.of(java.net.URI.create(resaved.get("source")));
        Files.writeString(resavedFile, Files.readString(resavedFile, StandardCharsets.ISO_8859_1) + "\n",
                StandardCharsets.ISO_8859_1);
        Files.delete(Path.of(java.net.URI.create(withdrawn.get("source"))));

        NightlyRun.Outcome second = nightly(0.5);
        assertEquals(NightlyRun.Outcome.Status.PUBLISHED, second.status());
        assertTrue(Files.exists(latest().resolve("notebooks/councils.ipynb")), "each run carries its notebooks");
        assertEquals(second.run().toRealPath(), latest());
        Map<?, ?> counts = (Map<?, ?>) JobRuns.manifest(latest()).get("counts");
        assertEquals("incremental", JobRuns.manifest(latest()).get("mode"));
        assertEquals(arriving.size() + 1, ((Number) counts.get("files_parsed_this_run")).intValue());
        assertEquals(firstFiles - 2, ((Number) counts.get("files_reused_from_previous")).intValue());
        assertEquals(1, ((Number) counts.get("files_removed_since_previous")).intValue());

        Path full = dir.resolve("full");
        JobRuns.run(landing, full);
        for (String csv : csvFiles(full)) {
            assertArrayEquals(Files.readAllBytes(full.resolve(csv)), Files.readAllBytes(latest().resolve(csv)),
                    csv + " differs between the incremental and the full run");
        }

        List<CSVRecord> changed = JobRuns.csv(latest().resolve("changed_decisions.csv"));
        assertTrue(changed.stream().anyMatch(r -> r.get("change").equals("changed")
                && r.get("case_ref").equals(resaved.get("case_ref"))), "the re-saved file shows as changed");
        assertTrue(changed.stream().anyMatch(r -> r.get("change").equals("removed")
                && r.get("case_ref").equals(withdrawn.get("case_ref"))), "the withdrawn decision shows as removed");
        long added = changed.stream().filter(r -> r.get("change").equals("added")).count();
        long newCases = JobRuns.csv(latest().resolve("decisions.csv")).size() - before.size() + 1;
        assertEquals(newCases, added, "every decision new this night is listed as added");
        long addedPerGroup = JobRuns.csv(latest().resolve("changes.csv")).stream()
                .mapToLong(r -> Long.parseLong(r.get("added"))).sum();
        assertEquals(added, addedPerGroup);
    }

    /** A decision that only one file of the landing holds, so withdrawing that file removes the case. */
    private static CSVRecord uniqueCopy(List<CSVRecord> decisions, int from) throws IOException {
        for (CSVRecord r : decisions.subList(from, decisions.size())) {
            int copies = 0;
            for (Path f : files(landing)) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(r.get("case_ref"))) {
                    copies++;
                }
            }
            if (copies == 1) {
                return r;
            }
        }
        throw new AssertionError("no decision with a single copy");
    }

    private static List<String> csvFiles(Path output) throws IOException {
        List<String> names = new ArrayList<>(List.of("decisions.csv", "quarantine.csv"));
        try (Stream<Path> s = Files.list(output.resolve("reports"))) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted()
                    .forEach(p -> names.add("reports/" + p.getFileName()));
        }
        assertEquals(16, names.size());
        return names;
    }

    @Test
    @Order(2)
    void aNightWithNothingNewChangesNothing() throws IOException {
        Path latestBefore = latest();
        List<String> before = JobRuns.listing(root.resolve(NightlyRun.RUNS));
        NightlyRun.Outcome outcome = nightly(0.5);
        assertEquals(NightlyRun.Outcome.Status.NOTHING_NEW, outcome.status());
        assertEquals(latestBefore, latest());
        assertEquals(before, JobRuns.listing(root.resolve(NightlyRun.RUNS)));
    }

    @Test
    @Order(3)
    void aFloodOfQuarantinedFilesIsKeptButNotPublished() throws IOException {
        Path latestBefore = latest();
        Path junk = landing.resolve("broken-scrape");
        Files.createDirectories(junk);
        for (int i = 0; i < 200; i++) {
            Files.writeString(junk.resolve("error-" + i + ".html"), "<html><body>503 Service Unavailable</body></html>");
        }
        NightlyRun.Outcome outcome = nightly(0.1);
        assertEquals(NightlyRun.Outcome.Status.HELD_BACK, outcome.status());
        assertTrue(outcome.result().quarantinedShare() > 0.1);
        assertEquals(latestBefore, latest(), "latest still points at the last good run");
        assertTrue(Files.exists(outcome.run().resolve("_manifest.json")), "the held-back run is kept for a look");
    }

    @Test
    @Order(4)
    void aRunIsRefusedWhileAnotherHoldsTheLock() throws IOException {
        Path latestBefore = latest();
        try (RunLock lock = RunLock.tryAcquire(root.resolve(NightlyRun.LOCK))) {
            assertNotNull(lock);
            // Refused before Spark: the session is not even asked for, so a refused run costs only a JVM's start.
            Failure refused = assertThrows(Failure.class, () -> nightly(0.5, () -> {
                throw new AssertionError("a refused run asked for a Spark session");
            }));
            assertEquals(ExitCode.LOCKED, refused.exitCode());
            assertTrue(refused.getMessage().contains("another nightly run is in progress"), refused.getMessage());
        }
        assertEquals(latestBefore, latest());
    }

    @Test
    @Order(5)
    void onlyTheNewestRunsAreKept() throws IOException {
        try (Stream<Path> runs = Files.list(root.resolve(NightlyRun.RUNS))) {
            assertEquals(3, runs.count(), "--keep 3: two published runs and the held-back one");
        }
        Files.writeString(landing.resolve("one-more.txt"), "not a decision either");
        nightly(1.0);
        try (Stream<Path> runs = Files.list(root.resolve(NightlyRun.RUNS))) {
            List<Path> kept = runs.sorted().toList();
            assertEquals(3, kept.size());
            assertEquals(latest(), kept.get(2).toRealPath());
        }
    }
}
