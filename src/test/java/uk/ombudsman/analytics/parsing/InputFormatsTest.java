package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** Whatever bytes a decision arrives as, the record is the same as from the seed's own text. */
class InputFormatsTest {
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    static Stream<String> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SeedTruthTest.SEEDS)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void utf8WithBomAndCrlfGivesTheSameRecord(String seed) throws IOException {
        String text = Files.readString(SeedTruthTest.SEEDS.resolve(seed));
        assertSameRecord(parse(text.getBytes(StandardCharsets.UTF_8)), parse(SeedVariants.utf8WithBomAndCrlf(text)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void windows1252GivesTheSameRecord(String seed) throws IOException {
        String text = Files.readString(SeedTruthTest.SEEDS.resolve(seed));
        assertSameRecord(parse(text.getBytes(StandardCharsets.UTF_8)), parse(SeedVariants.windows1252(text)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSavedHtmlPageGivesTheSameRecordAsTheText(String seed) throws IOException {
        String text = Files.readString(SeedTruthTest.SEEDS.resolve(seed));
        String html = SeedVariants.html(text);
        assertTrue(html.contains("&pound;") || !text.contains("£"), "the page encodes £ as an entity");
        assertSameRecord(parse(text.getBytes(StandardCharsets.UTF_8)), parse(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static DecisionRecord parse(byte[] bytes) {
        ParseResult r = PARSER.parse("x", bytes);
        assertTrue(r.isDecision(), () -> "quarantined: " + r.rejection());
        return r.decision();
    }

    /** Everything but the digest, which is of the bytes, and the payment evidence's bullet markers. */
    private static void assertSameRecord(DecisionRecord expected, DecisionRecord actual) {
        assertEquals(expected.getCaseRef(), actual.getCaseRef());
        assertEquals(expected.getCouncil(), actual.getCouncil());
        assertEquals(expected.getBodyType(), actual.getBodyType());
        assertEquals(expected.getRegion(), actual.getRegion());
        assertEquals(expected.getCategory(), actual.getCategory());
        assertEquals(expected.getSubcategory(), actual.getSubcategory());
        assertEquals(expected.getOutcomeRaw(), actual.getOutcomeRaw());
        assertEquals(expected.getOutcome(), actual.getOutcome());
        assertEquals(expected.getDecisionDate(), actual.getDecisionDate());
        assertEquals(expected.getSummary(), actual.getSummary());
        assertEquals(expected.getPayments(), actual.getPayments());
        assertEquals(expected.getPaymentTotalGbp(), actual.getPaymentTotalGbp());
        assertEquals(expected.getRemedies(), actual.getRemedies());
        assertEquals(expected.getRemedyDeadlineDays(), actual.getRemedyDeadlineDays());
        assertEquals(expected.getDelayFault(), actual.getDelayFault());
        assertEquals(expected.getComplaintDate(), actual.getComplaintDate());
        assertEquals(expected.getComplaintDatePrecision(), actual.getComplaintDatePrecision());
        assertEquals(expected.getComplaintToDecisionDays(), actual.getComplaintToDecisionDays());
        assertEquals(expected.getParseWarnings(), actual.getParseWarnings());
    }
}
