package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.QuarantineReason;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** Very large and pathological files: answered, with the right reason, without blowing up. */
class HostileInputTest {
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());
    private static final int TEN_MB = 10 << 20;

    @Test
    void aTenMegabyteDecisionIsStillOneDecision() throws IOException {
        String seed = Files.readString(SeedTruthTest.SEEDS.resolve("000_30551c9620c2805c.txt"));
        StringBuilder b = new StringBuilder(seed);
        String body = seed.substring(seed.indexOf("What I found"), seed.indexOf("Agreed action"));
        while (b.length() < TEN_MB) {
            b.insert(seed.indexOf("Agreed action"), body);
        }
        ParseResult r = PARSER.parse("big", b.toString().getBytes(StandardCharsets.UTF_8));
        ParserPropertiesTest.assertAnswered(r);
        assertEquals("23 017 218", r.decision().getCaseRef());
        assertEquals(2, r.decision().getPayments().size());
    }

    @Test
    void tenMegabytesOnOneLineIsNotADecision() {
        byte[] line = "a(1 £2 In 2019 complained within one month fault delay ".repeat(TEN_MB / 56)
                .getBytes(StandardCharsets.UTF_8);
        ParseResult r = PARSER.parse("line", line);
        ParserPropertiesTest.assertAnswered(r);
        assertEquals(QuarantineReason.NOT_A_DECISION, r.rejection());
    }

    @Test
    void deeplyNestedHtmlIsRenderedWithoutRecursion() {
        String html = "<html><body>" + "<div>".repeat(200_000) + "<p>Kent County Council (23 001 234)</p>"
                + "<p>The Ombudsman's final decision:</p><p>Summary: We will not investigate.</p>"
                + "</div>".repeat(200_000) + "</body></html>";
        ParseResult r = PARSER.parse("nested", html.getBytes(StandardCharsets.UTF_8));
        ParserPropertiesTest.assertAnswered(r);
        assertTrue(r.isDecision());
        assertEquals("23 001 234", r.decision().getCaseRef());
    }

    @Test
    void aTruncatedMultiByteCharacterFallsBackToWindows1252() {
        byte[] seed = "Kent County Council (23 001 234)\nThe Ombudsman's final decision:\nSummary: We will not investigate £"
                .getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(seed, seed.length - 1);
        ParseResult r = PARSER.parse("cut", cut);
        ParserPropertiesTest.assertAnswered(r);
        assertEquals("Kent County Council", r.decision().getCouncil());
    }
}
