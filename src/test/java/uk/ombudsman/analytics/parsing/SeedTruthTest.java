package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.TestFactory;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** Every field of every seed equals what a person read from it (seeds-truth.csv). */
class SeedTruthTest {
    static final Path SEEDS = Path.of("src/sample/seeds");
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    @TestFactory
    Stream<DynamicTest> everyFieldOfEverySeedMatchesTheTruthFile() throws IOException {
        List<CSVRecord> truth;
        try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/seeds-truth.csv"), StandardCharsets.UTF_8)) {
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
        assertEquals(row.get("council"), d.getCouncil(), f + " council");
        assertEquals(row.get("case_ref"), d.getCaseRef(), f + " case_ref");
        assertEquals(row.get("body_type"), String.valueOf(d.getBodyType()), f + " body_type");
        assertEquals(row.get("region"), d.getRegion(), f + " region");
        assertEquals(row.get("category"), d.getCategory(), f + " category");
        assertEquals(row.get("subcategory"), d.getSubcategory(), f + " subcategory");
        assertEquals(row.get("outcome_raw"), d.getOutcomeRaw(), f + " outcome_raw");
        assertEquals(row.get("outcome"), String.valueOf(d.getOutcome()), f + " outcome");
        assertEquals(row.get("decision_date"), String.valueOf(d.getDecisionDate()), f + " decision_date");
        assertEquals(row.get("payments_gbp"), joined(d.getPayments(), p -> p.getAmountGbp().stripTrailingZeros().toPlainString()),
                f + " payments_gbp");
        assertEquals(row.get("payment_purposes"), joined(d.getPayments(), p -> p.getPurpose().name()),
                f + " payment_purposes");
        assertEquals(0, new BigDecimal(row.get("payment_total_gbp")).compareTo(d.getPaymentTotalGbp()),
                f + " payment_total_gbp " + d.getPaymentTotalGbp());
        assertEquals(row.get("remedies"), joined(d.getRemedies(), Enum::name), f + " remedies");
        assertEquals(row.get("remedy_deadline_days"), orEmpty(d.getRemedyDeadlineDays()), f + " remedy_deadline_days");
        assertEquals(row.get("delay_fault"), String.valueOf(d.getDelayFault()), f + " delay_fault");
        assertEquals(row.get("complaint_date"), orEmpty(d.getComplaintDate()), f + " complaint_date");
        assertEquals(row.get("complaint_date_precision"), orEmpty(d.getComplaintDatePrecision()),
                f + " complaint_date_precision");
        assertEquals(row.get("complaint_to_decision_days"), orEmpty(d.getComplaintToDecisionDays()),
                f + " complaint_to_decision_days");
        assertEquals(64, d.getSourceSha256().length(), f + " source_sha256");
        assertTrue(d.getSummary().length() > 50 && !d.getSummary().startsWith("Summary"), f + " summary");
        for (Payment p : d.getPayments()) {
            assertTrue(p.getEvidence().contains("£"), f + " evidence holds the amount: " + p.getEvidence());
        }
    }

    private static <T> String joined(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(";"));
    }

    private static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
