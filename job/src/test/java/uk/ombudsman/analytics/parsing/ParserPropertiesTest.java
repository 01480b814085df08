package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.QuarantineReason;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** Whatever the bytes, the parser answers (a record or a quarantine reason), never throws, and stays consistent. */
class ParserPropertiesTest {
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        try (Stream<Path> files = Files.list(SeedTruthTest.SEEDS)) {
            return files.sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 300)
    void arbitraryBytesNeverBreakTheParser(@ForAll @Size(max = 20_000) byte[] bytes) {
        assertAnswered(PARSER.parse("fuzz", bytes));
    }

    @Property(tries = 300)
    void mutatedSeedsNeverBreakTheParser(@ForAll("mutatedSeeds") byte[] bytes) {
        assertAnswered(PARSER.parse("fuzz", bytes));
    }

    @Property(tries = 200)
    void textAssembledFromDecisionFragmentsNeverBreaksTheParser(@ForAll("fragments") String text) {
        assertAnswered(PARSER.parse("fuzz", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<byte[]> mutatedSeeds() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1).flatMap(i -> Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            byte[] b = SEEDS.get(i).clone();
            for (int m = r.nextInt(8); m >= 0; m--) {
                b = mutate(b, r);
            }
            return b;
        }));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("Norfolk County Council (23 017 218)", "Category : ", " > ", "Decision : ", "Upheld",
                "Decision date : ", "17 Jan 2025", "31 February 2024", "The Ombudsman's final decision:", "Summary: ",
                "Agreed action", "Final decision", "What I found", "£", "£1,000", "(£500 for", ")", "(", "within ",
                "one month", "by 7 April 2021", "In August 2022 Mr M complained", "complained", "fault", "delay",
                "no fault", "We will not investigate", "\n", "\r\n", "  1. ", "• ", "- ", ":", "\u00a0", "<p>",
                "</li>", "<html>", "\u2019", "apologise", "pay Mr X £", "9999999999999999999999")
                .list().ofMaxSize(80).map(parts -> String.join("", parts));
    }

    private static byte[] mutate(byte[] b, Random r) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + r.nextInt(2000));
        return switch (r.nextInt(5)) {
            case 0 -> concat(slice(b, 0, at), slice(b, at + len, b.length)); // delete a span
            case 1 -> concat(slice(b, 0, at + len), slice(b, at, b.length)); // repeat a span
            case 2 -> slice(b, 0, at); // truncate
            case 3 -> { // flip bytes
                byte[] c = b.clone();
                for (int k = 0; k < 1 + r.nextInt(50); k++) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                yield c;
            }
            default -> { // swap two spans
                int other = r.nextInt(b.length);
                int olen = Math.min(b.length - other, 1 + r.nextInt(2000));
                yield concat(concat(slice(b, 0, Math.min(at, other)), slice(b, Math.max(at, other),
                        Math.max(at, other) + (at > other ? len : olen))), slice(b, Math.min(at, other), b.length));
            }
        };
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, Math.max(0, Math.min(from, b.length)), Math.max(0, Math.min(to, b.length)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** An answer, never a caught bug, and a record whose derived fields agree with its parts. */
    static void assertAnswered(ParseResult result) {
        assertNotNull(result);
        assertNotEquals(QuarantineReason.PARSE_ERROR, result.rejection(), result::detail);
        if (!result.isDecision()) {
            assertNotNull(result.rejection());
            return;
        }
        DecisionRecord d = result.decision();
        assertNotNull(d.getOutcome());
        assertNotNull(d.getBodyType());
        assertEquals(64, d.getSourceSha256().length());
        // A payment whose sum the decision does not print has no amount (spec: PAYMENT_AMOUNT_NOT_STATED) and adds nothing.
        List<BigDecimal> stated = d.getPayments().stream().map(Payment::getAmountGbp).filter(Objects::nonNull).toList();
        assertEquals(0, stated.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(d.getPaymentTotalGbp()));
        stated.forEach(amount -> assertTrue(amount.signum() > 0));
        assertEquals(stated.size() < d.getPayments().size(),
                d.getParseWarnings().contains(ParseWarning.PAYMENT_AMOUNT_NOT_STATED.name()));
        if (d.getComplaintToDecisionDays() != null) {
            assertEquals(ChronoUnit.DAYS.between(d.getComplaintDate(), d.getDecisionDate()),
                    (long) d.getComplaintToDecisionDays());
            assertTrue(d.getComplaintToDecisionDays() >= 0);
        }
        if (d.getRemedyDeadlineDays() != null) {
            assertTrue(d.getRemedyDeadlineDays() > 0);
        }
        assertEquals(d.getRemedies().stream().distinct().count(), d.getRemedies().size());
    }
}
