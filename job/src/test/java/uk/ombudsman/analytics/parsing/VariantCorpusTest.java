package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** Each realistic variant in src/test/resources/variants parses to its expected record. */
class VariantCorpusTest {
    static final Path VARIANTS = Path.of("job/src/test/resources/variants");
    static final Path CORPUS = VARIANTS.resolve("corpus");
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    static List<CSVRecord> expected() throws IOException {
        try (Reader r = Files.newBufferedReader(VARIANTS.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void everyVariantFileHasAnExpectedRecord() throws IOException {
        List<String> listed = expected().stream().map(r -> r.get("file")).sorted().toList();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<String> present = files.filter(Files::isRegularFile)
                    .map(p -> CORPUS.relativize(p).toString()).sorted().toList();
            assertEquals(present, listed);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachVariantParsesToItsExpectedRecord() throws IOException {
        return expected().stream().map(row -> DynamicTest.dynamicTest(row.get("file"), () -> check(row)));
    }

    private static void check(CSVRecord row) throws IOException {
        Path file = CORPUS.resolve(row.get("file"));
        // The source is given in the site's layout, as a mirrored folder's files are.
        ParseResult result = PARSER.parse(file.toAbsolutePath().toUri().toString(), Files.readAllBytes(file));
        assertTrue(result.isDecision(), () -> "quarantined: " + result.rejection());
        DecisionRecord d = result.decision();
        String f = row.get("file") + " ";
        assertEquals(17, TruthColumns.assertMatches(row, d, f), "every expected column compared");
        for (String w : codes(row.get("warnings_include"))) {
            assertTrue(d.getParseWarnings().contains(w), f + "warning " + w + " expected in " + d.getParseWarnings());
        }
        for (String w : codes(row.get("warnings_exclude"))) {
            assertFalse(d.getParseWarnings().contains(w), f + "warning " + w + " unexpected in " + d.getParseWarnings());
        }
    }

    private static List<String> codes(String s) {
        return s.isBlank() ? List.of() : List.of(s.split(";"));
    }
}
