package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** Every field of every seed equals what a person read from it (seeds-truth.csv). */
class SeedTruthTest {
    static final Path SEEDS = Path.of("src/sample/seeds");
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    @TestFactory
    Stream<DynamicTest> everyFieldOfEverySeedMatchesTheTruthFile() throws IOException {
        List<CSVRecord> truth;
        try (Reader r = Files.newBufferedReader(Path.of("job/src/test/resources/seeds-truth.csv"), StandardCharsets.UTF_8)) {
            truth = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertEquals(5, truth.size());
        return truth.stream().map(row -> DynamicTest.dynamicTest(row.get("file"), () -> check(row)));
    }

    private static void check(CSVRecord row) throws IOException {
        Path file = SEEDS.resolve(row.get("file"));
        ParseResult result = PARSER.parse(file.toString(), Files.readAllBytes(file));
        assertTrue(result.isDecision(), () -> "quarantined: " + result.rejection());
        DecisionRecord d = result.decision();
        String f = row.get("file");
        assertEquals(18, TruthColumns.assertMatches(row, d, f), "every truth column compared");
        assertEquals(64, d.getSourceSha256().length(), f + " source_sha256");
        assertTrue(d.getSummary().length() > 50 && !d.getSummary().startsWith("Summary"), f + " summary");
        d.getPayments().forEach(p -> assertTrue(p.getEvidence().contains("£"),
                f + " evidence holds the amount: " + p.getEvidence()));
    }
}
