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
import java.util.function.Function;
import java.util.stream.Collectors;
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
    static final Path VARIANTS = Path.of("src/test/resources/variants");
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
        assertEquals(row.get("case_ref"), d.getCaseRef(), f + "case_ref");
        assertEquals(row.get("council"), d.getCouncil(), f + "council");
        assertEquals(row.get("body_type"), String.valueOf(d.getBodyType()), f + "body_type");
        assertEquals(row.get("region"), orEmpty(d.getRegion()), f + "region");
        assertEquals(row.get("category"), orEmpty(d.getCategory()), f + "category");
        assertEquals(row.get("subcategory"), orEmpty(d.getSubcategory()), f + "subcategory");
        assertEquals(row.get("service_area"), orEmpty(d.getServiceArea()), f + "service_area");
        assertEquals(row.get("outcome_raw"), orEmpty(d.getOutcomeRaw()), f + "outcome_raw");
        assertEquals(row.get("outcome"), String.valueOf(d.getOutcome()), f + "outcome");
        assertEquals(row.get("decision_date"), orEmpty(d.getDecisionDate()), f + "decision_date");
        assertEquals(row.get("payments_gbp"),
                joined(d.getPayments(), p -> p.getAmountGbp().stripTrailingZeros().toPlainString()), f + "payments");
        assertEquals(row.get("payment_purposes"), joined(d.getPayments(), p -> p.getPurpose().name()),
                f + "payment_purposes");
        assertEquals(row.get("remedies"), joined(d.getRemedies(), Enum::name), f + "remedies");
        assertEquals(row.get("remedy_deadline_days"), orEmpty(d.getRemedyDeadlineDays()), f + "remedy_deadline_days");
        assertEquals(row.get("delay_fault"), String.valueOf(d.getDelayFault()), f + "delay_fault");
        assertEquals(row.get("complaint_date"), orEmpty(d.getComplaintDate()), f + "complaint_date");
        assertEquals(row.get("complaint_date_precision"), orEmpty(d.getComplaintDatePrecision()),
                f + "complaint_date_precision");
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

    private static <T> String joined(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(";"));
    }

    private static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
