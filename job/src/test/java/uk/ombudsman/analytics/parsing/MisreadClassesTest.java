package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * Each class of misreading issue 19 lists, scored on every real sentence of that class in the reading set's training
 * part (src/test/resources/reading/train/sentences.csv: each row names its page, whose address is in labels.csv;
 * labels by readers who never ran the parser). A floor per class, at the share read right when it was recorded:
 * the class's misreads are measured, not hidden, and a change that reads a class worse fails. These are sentences the
 * models were trained on, so the shares are upper bounds; the held-out scores (ReadingSetTest) are the honest ones.
 * The floors were recorded again when 152 training pages were added (HISTORY entry 27): on the sentences of before,
 * the retrained models read every class at or above its old floor (1: 70 of 73; 3: 34 of 34; 5: 62 of 81; 6: 6 of
 * 8; 7: 641 of 1039); the new pages' sentences read worse in five classes (1: 27 of 30, 3: 14 of 15, 5: 18 of 28,
 * 6: 1 of 3, 7: 260 of 461), wordings the rules had not met: the floors are now the shares over all of them. So
 * again with the next 150 (entry 29): the sentences of before read exactly as with the models before, and the new
 * ones read class 3 at 10 of 11, class 6 at 1 of 3, class 7 at 248 of 422.
 */
class MisreadClassesTest {
    private static final Path SENTENCES = Path.of("job/src/test/resources/reading/train/sentences.csv");
    private static final SentenceReader READER = SentenceReader.bundled();
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());
    private static final List<String> TABLE = new ArrayList<>();
    private static List<CSVRecord> rows;

    @BeforeAll
    static void load() throws IOException {
        try (Reader r = Files.newBufferedReader(SENTENCES, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @AfterAll
    static void print() {
        System.out.println("\nMisread classes, training sentences read right:\n" + String.join("\n", TABLE));
    }

    @Test
    void class1APaymentWithNoSumPrintedIsAPayment() {
        // "will apologise and make a symbolic payment": a payment entry with no amount.
        assertAtLeast("1 payment, no sum printed", 0.94, rows("money", m -> m.contains("?|PAYMENT")),
                r -> summaryReading(r).payments().stream().anyMatch(p -> p.getAmountGbp() == null));
    }

    @Test
    void class2And4SumsThatAreNotThisDecisionsPaymentAreNotCounted() {
        // Declined, claimed, what something cost, a rate, a waiver, money owed: no payment of that sum.
        List<String[]> sums = sums(role -> !role.equals("PAYMENT"));
        assertAtLeastSums("2, 4 sums not a payment, not counted", 1.0, sums, false);
    }

    @Test
    void class3SumsToBePaidToTheComplainantAreCounted() {
        // Refunds and repayments to the complainant, "agreed to offer Mr X £N" as the remedy.
        assertAtLeastSums("3 sums to be paid, counted", 0.96, sums(role -> role.equals("PAYMENT")), true);
    }

    @Test
    void class5DelayAtFaultInAnyWordsIsFound() {
        // One in nine is still missed ("the time taken to", "took eleven months to"): the floor records it. Not done in
        // time ("for not telling her sooner", "not ... within the timeframes", "not ... timely") is read since entry 14,
        // "in good time", "quickly enough" and a remedy for what delay caused since entry 39 (106 -> 127 of 143).
        assertAtLeast("5 delay at fault, found", 0.88, rows("delay", "AT_FAULT"::equals),
                r -> Boolean.TRUE.equals(upheldSummary(r.get("text")).getDelayFault()));
    }

    @Test
    void class5DelayMentionedButNotAtFaultIsNotFound() {
        // One in six is still read as a finding ("the delay was not significant", delay the complainant alleges).
        // Entry 14 (not done in time read as delay) added two, both complaints restated that this test reads alone as
        // a summary: a complaint's list item without its lead-in, and "Further, Mr X said ... it unnecessarily
        // delayed these payments" (179 -> 177 of 215), against 7 more of 81 delays at fault found. Entry 39 (delay
        // in more words) added five more (266 -> 261 of 320) against 15 more of 143 found: two sentences whose pages
        // are labelled delay at fault ("It also delayed sending the final invoice", "The Council also delayed
        // responding to Mr R's complaint"), read here without the sentences around them; "a suitable remedy for the
        // delays", from a page closed without investigation (delay is asked only of upheld pages); a complaint whose
        // text keeps its "Summary:" label, so it is not seen as restated; "did not act in a timely way".
        assertAtLeast("5 delay not at fault, not found", 0.81, rows("delay", "NOT_AT_FAULT"::equals),
                r -> !Boolean.TRUE.equals(upheldSummary(r.get("text")).getDelayFault()));
    }

    @Test
    void class6TheComplaintDateIsTheComplaintToTheBodyNotAnEarlierEvent() {
        // A sentence saying when the complainant complained: its year, never another's.
        assertAtLeast("6 complaint date, its year", 0.57, rows("complaint_date", d -> !d.isEmpty()), r -> {
            DecisionRecord d = parse(header("Decision : Upheld\n") + "What I found\n" + r.get("text") + "\n");
            return d.getComplaintDate() != null
                    && r.get("complaint_date").endsWith(Integer.toString(d.getComplaintDate().getYear()));
        });
    }

    @Test
    void class7TheOutcomeOfASentenceWithoutADecisionLineIsTheOmbudsmans() {
        // One sentence alone, where a page has several: "The Council has agreed to ..." says upheld only beside the
        // rest. Pages without a Decision line read at .94 on the held-out part; single sentences far less.
        assertAtLeast("7 outcome from words alone", 0.59, rows("verdict", v -> !v.isEmpty()), r -> {
            Findings.Reading<Outcome> o = Findings.outcome(DecisionDocument.read(header("") + "Summary: "
                    + r.get("text") + "\n"));
            Outcome expected = r.get("verdict").equals("CLOSED") ? Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES
                    : Outcome.valueOf(r.get("verdict"));
            return o != null && o.value() == expected;
        });
    }

    @Test
    void class8RemedyKindsAreReadAsTheSentenceStatesThem() {
        // Reminders and reviews of procedure are service improvements; reassessments and reconsiderations actions.
        assertAtLeast("8 remedy kinds, exact set", 0.72, rows("remedies", k -> !k.isEmpty() && !k.equals("OTHER")),
                r -> {
                    Set<Remedy> expected = EnumSet.noneOf(Remedy.class);
                    for (String k : r.get("remedies").split(";")) {
                        if (!k.equals("OTHER")) {
                            expected.add(Remedy.valueOf(k));
                        }
                    }
                    return summaryReading(r).remedies().equals(expected);
                });
    }

    @Test
    void class8ARemedyAgreedInWordsThatNameNoKindIsOther() {
        // "The Council has agreed to remedy the injustice caused": a remedy, of no kind the sentence names (spec: OTHER).
        assertAtLeast("8 remedy agreed, no kind named: OTHER", 0.80, rows("remedies", k -> k.equals("OTHER")),
                r -> upheldSummary(r.get("text")).getRemedies().equals(List.of(Remedy.OTHER)));
        // The Ombudsman's role ("we may suggest a remedy"), a complaint or a remedy declined: no remedy at all.
        assertAtLeast("8 remedy words, no remedy agreed: none", 0.97,
                rows("remedies", String::isEmpty).stream().filter(r -> r.get("text").contains("remed")).toList(),
                r -> upheldSummary(r.get("text")).getRemedies().isEmpty());
    }

    /** The sentence as one of a summary (page openings are mostly summaries), as the parser reads it. */
    private static SentenceReading summaryReading(CSVRecord r) {
        return READER.read(r.get("text"), Section.PREAMBLE, null, "");
    }

    private static DecisionRecord upheldSummary(String sentence) {
        return parse(header("Decision : Upheld\n") + "Summary: " + sentence + "\n");
    }

    /** An invented header (Anytown is not a council) around a real sentence. */
    private static String header(String decisionLine) {
        return "Anytown Borough Council (25 000 001)\nCategory : Housing > Allocations\n" + decisionLine
                + "Decision date : 03 Mar 2025\nThe Ombudsman's final decision:\n";
    }

    private static DecisionRecord parse(String page) {
        ParseResult r = PARSER.parse("test", page.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.isDecision(), "quarantined: " + r.detail());
        return r.decision();
    }

    private static List<CSVRecord> rows(String column, Predicate<String> label) {
        return rows.stream().filter(r -> label.test(r.get(column))).toList();
    }

    /** Each printed sum of the given roles, as {amount, sentence}. */
    private static List<String[]> sums(Predicate<String> role) {
        List<String[]> out = new ArrayList<>();
        for (CSVRecord r : rows("money", m -> !m.isEmpty())) {
            for (String part : r.get("money").split(";")) {
                String[] amountAndRole = part.split("\\|");
                if (!amountAndRole[0].equals("?") && role.test(amountAndRole[1])) {
                    out.add(new String[] {amountAndRole[0], r.get("text")});
                }
            }
        }
        return out;
    }

    private static void assertAtLeastSums(String name, double floor, List<String[]> sums, boolean counted) {
        int right = 0;
        for (String[] s : sums) {
            BigDecimal amount = new BigDecimal(s[0]);
            List<Payment> paid = READER.read(s[1], Section.PREAMBLE, null, "").payments();
            boolean isCounted = paid.stream().anyMatch(p -> p.getAmountGbp() != null
                    && p.getAmountGbp().compareTo(amount) == 0);
            right += isCounted == counted ? 1 : 0;
        }
        record(name, floor, right, sums.size());
    }

    private static void assertAtLeast(String name, double floor, List<CSVRecord> rows, Predicate<CSVRecord> right) {
        record(name, floor, (int) rows.stream().filter(right).count(), rows.size());
    }

    private static void record(String name, double floor, int right, int of) {
        double share = right / (double) of;
        TABLE.add(String.format(Locale.ROOT, "%-36s %4d of %4d  %.3f  (floor %.2f)", name, right, of, share, floor));
        assertTrue(of > 0, name + ": no labelled sentences");
        assertTrue(share >= floor, String.format(Locale.ROOT, "%s: %d of %d (%.3f) below %.2f", name, right, of,
                share, floor));
    }
}
