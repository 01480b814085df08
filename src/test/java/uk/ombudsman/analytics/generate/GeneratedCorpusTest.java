package uk.ombudsman.analytics.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.reports.Columns;

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
    void everyDecisionMatchesItsTrueRecord() throws IOException {
        Map<String, CSVRecord> got = JobRuns.csv(out.resolve("decisions.csv")).stream()
                .collect(Collectors.toMap(r -> r.get(Columns.CASE_REF), r -> r));
        List<CSVRecord> truth = JobRuns.csv(generated.resolve("truth/decisions.csv"));
        assertEquals(DECISIONS, truth.size());
        assertEquals(truth.size(), got.size());
        for (CSVRecord t : truth) {
            CSVRecord g = got.get(t.get(Columns.CASE_REF));
            for (String column : t.getParser().getHeaderNames()) {
                assertSameValue(t.get(column), g.get(column), t.get(Columns.CASE_REF) + " " + column);
            }
        }
    }

    @Test
    void everyReportEqualsTheTruth() throws IOException {
        try (Stream<Path> files = Files.list(generated.resolve("truth/reports"))) {
            List<Path> reports = files.sorted().toList();
            assertEquals(6, reports.size());
            for (Path truthFile : reports) {
                List<CSVRecord> truth = JobRuns.csv(truthFile);
                List<CSVRecord> got = JobRuns.csv(out.resolve("reports").resolve(truthFile.getFileName()));
                String name = truthFile.getFileName().toString();
                assertEquals(truth.size(), got.size(), name + " rows");
                Map<String, CSVRecord> byKey = got.stream().collect(Collectors.toMap(GeneratedCorpusTest::key, r -> r));
                for (CSVRecord t : truth) {
                    CSVRecord g = byKey.get(key(t));
                    for (String column : t.getParser().getHeaderNames()) {
                        assertSameValue(t.get(column), g.get(column), name + " " + key(t) + " " + column);
                    }
                }
            }
        }
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
    void theSameSeedGivesTheSameCorpusAndAnotherSeedADifferentOne() throws IOException {
        new CorpusGenerator(200, 7).writeTo(dir.resolve("a"));
        new CorpusGenerator(200, 7).writeTo(dir.resolve("b"));
        new CorpusGenerator(200, 8).writeTo(dir.resolve("c"));
        assertEquals(digest(dir.resolve("a")), digest(dir.resolve("b")));
        assertNotEquals(digest(dir.resolve("a")), digest(dir.resolve("c")));
    }

    private static String key(CSVRecord r) {
        String first = r.getParser().getHeaderNames().get(0);
        return first.equals(Columns.DECISIONS) ? "national" : r.get(first) + "|" + (r.isMapped(Columns.BODY_TYPE)
                && !first.equals(Columns.BODY_TYPE) ? r.get(Columns.BODY_TYPE) : "");
    }

    /** Equal as text, or as numbers where both are numbers (730.0 and 730, 1000.00 and 1000). */
    private static void assertSameValue(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        try {
            assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)),
                    what + ": expected " + expected + " but was " + actual);
        } catch (NumberFormatException e) {
            assertEquals(expected, actual, what);
        }
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
