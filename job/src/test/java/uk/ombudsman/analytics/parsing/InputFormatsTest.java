package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.QuarantineReason;
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
    void lineEndsOfACarriageReturnAloneGiveTheSameRecord(String seed) throws IOException {
        // Old Mac line ends, and a mixture: each \r, \n or \r\n ends one line.
        String text = Files.readString(SeedTruthTest.SEEDS.resolve(seed)).replace("\r\n", "\n");
        DecisionRecord expected = parse(text.getBytes(StandardCharsets.UTF_8));
        assertSameRecord(expected, parse(text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)));
        String mixed = text.replaceFirst("\n", "\r").replaceFirst("\n", "\r\n");
        assertSameRecord(expected, parse(mixed.getBytes(StandardCharsets.UTF_8)));
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

    @ParameterizedTest
    @MethodSource("seeds")
    void aGzipCompressedPageGivesTheSameRecordAsThePage(String seed) throws IOException {
        byte[] page = Files.readAllBytes(SeedTruthTest.SEEDS.resolve(seed));
        assertSameRecord(parse(page), parse(gzip(page)));
    }

    @Test
    void aGzipThatWouldInflatePastTheLargestFileIsQuarantinedAsBinaryNotRead() throws IOException {
        // 70 MB of spaces compress to about 70 KB: read whole, they would take the executor's memory.
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(packed)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 70; i++) {
                out.write(spaces);
            }
        }
        ParseResult r = PARSER.parse("bomb.txt.gz", packed.toByteArray());
        assertEquals(QuarantineReason.BINARY, r.rejection());
        assertTrue(r.preview().startsWith("1f 8b 08"), r.preview());
    }

    @Test
    void aBinaryFilesPreviewIsItsFirstBytesInHex() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        ParseResult r = PARSER.parse("logo.png", png);
        assertEquals(QuarantineReason.BINARY, r.rejection());
        assertEquals("89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52 00 00 01 00", r.preview());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(packed)) {
            out.write(bytes);
        }
        return packed.toByteArray();
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
