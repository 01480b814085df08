package uk.ombudsman.analytics.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;

/** The job's reports on a generated corpus equal the generator's truth exactly; generation is deterministic. */
class GeneratedCorpusTest {
    private static final int DECISIONS = 2500;
    @TempDir
    static Path dir;
    static Path generated;
    static Path out;

    @BeforeAll
    static void generateAndRun() throws IOException {
        generated = dir.resolve("gen");
        new CorpusGenerator(DECISIONS, 42).writeTo(generated);
        out = dir.resolve("out");
        JobRuns.run(generated.resolve(CorpusGenerator.CORPUS), out);
    }

    @Test
    void everyDecisionAndEveryReportEqualsTheTruth() throws IOException {
        assertEquals(DECISIONS, JobRuns.csv(generated.resolve("truth/decisions.csv")).size());
        try (Stream<Path> reports = Files.list(generated.resolve("truth/reports"))) {
            assertEquals(7, reports.count(), "national, by_council, by_current_council, by_category, "
                    + "by_service_area, by_body_type, by_year");
        }
        assertEquals(List.of(), TruthCheck.compare(generated, out));
    }

    @Test
    void theTruthCheckNoticesAWrongFigure() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken.resolve("reports"));
        Files.copy(out.resolve("decisions.csv"), broken.resolve("decisions.csv"));
        try (Stream<Path> files = Files.list(out.resolve("reports"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(f);
                Files.writeString(broken.resolve("reports").resolve(f.getFileName()),
                        f.getFileName().toString().equals("national.csv") ? text.replaceFirst("\r\n" + DECISIONS + ",",
                                "\r\n" + (DECISIONS + 1) + ",") : text);
            }
        }
        List<String> problems = TruthCheck.compare(generated, broken);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("national.csv"), problems.get(0));
    }

    @Test
    void theManifestCountsMatchTheTruth() throws IOException {
        Map<String, String> truth = JobRuns.csv(generated.resolve("truth/counts.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("name"), r -> r.get("value")));
        Map<?, ?> counts = (Map<?, ?>) JobRuns.manifest(out).get("counts");
        assertEquals(truth.get("files"), String.valueOf(counts.get("files_read")));
        assertEquals(truth.get("decisions"), String.valueOf(counts.get("decisions")));
        assertEquals(truth.get("duplicates_merged"), String.valueOf(counts.get("duplicates_merged")));
        assertEquals(truth.get("quarantined"), String.valueOf(counts.get("quarantined")));
    }

    @Test
    void theManifestTimesTheParseStageWithinTheReadAndParseStep() throws IOException {
        Map<?, ?> millis = (Map<?, ?>) JobRuns.manifest(out).get("timings_ms");
        long stage = ((Number) millis.get("parse_stage")).longValue();
        long step = ((Number) millis.get("read_and_parse")).longValue();
        // Thousands of files take a measurable time to parse, and the stage is part of its step.
        assertTrue(stage > 0 && stage <= step, "parse stage " + stage + " ms within the step's " + step + " ms");
    }

    @Test
    void theSameSeedGivesTheSameCorpusAndAnotherSeedADifferentOne() throws IOException {
        new CorpusGenerator(200, 7).writeTo(dir.resolve("a"));
        new CorpusGenerator(200, 7).writeTo(dir.resolve("b"));
        new CorpusGenerator(200, 8).writeTo(dir.resolve("c"));
        assertEquals(digest(dir.resolve("a")), digest(dir.resolve("b")));
        assertNotEquals(digest(dir.resolve("a")), digest(dir.resolve("c")));
    }

    @Test
    void theFetchTestsSiteCorpusIsStillWhatTheGeneratorWritesForSeed13() throws IOException {
        // The job module's fetch tests serve these files on their imitation site; they cannot call the generator.
        new CorpusGenerator(30, 13).writeTo(dir.resolve("site"));
        assertEquals(digest(dir.resolve("site").resolve(CorpusGenerator.CORPUS).resolve("decisions")),
                digest(Path.of("job/src/test/resources/site-corpus/decisions")),
                "regenerate job/src/test/resources/site-corpus as its README says");
    }

    /** One digest over every file's relative path and bytes. */
    private static String digest(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(p).toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
