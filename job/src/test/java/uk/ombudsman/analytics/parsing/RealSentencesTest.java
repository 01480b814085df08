package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * One test per class of misreading, each on real sentences from real decisions (src/test/resources/real-sentences,
 * with their sources and a reader's reading). Where no real sentence of the exact form could be found, a sentence
 * in that form is added and marked as invented.
 */
class RealSentencesTest {
    private static final Path FILE = Path.of("job/src/test/resources/real-sentences/sentences.csv");
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());
    private static final SentenceReader READER = SentenceReader.bundled();
    private static final LocalDate DECIDED = LocalDate.of(2025, 3, 3);
    private static final Pattern ITEM = Pattern.compile("([\\d.]+)\\|([A-Z_]+)");

    @TestFactory
    Stream<DynamicTest> aSumTheComplainantMustRepayIsNotAPaymentToThem() {
        return money("REPAY");
    }

    @TestFactory
    Stream<DynamicTest> theBodysOwnEarlierOfferIsNotCountedBesideTheSumAsked() {
        return money("OFFER_SUPERSEDED");
    }

    @TestFactory
    Stream<DynamicTest> summariesThatUpholdInOtherWordsThanFaultAreUpheld() {
        return outcomes("UPHELD_WORDS");
    }

    @TestFactory
    Stream<DynamicTest> negatedFindingsOfFaultAreNotUpheld() {
        return outcomes("NO_FAULT_WORDS");
    }

    @TestFactory
    Stream<DynamicTest> oddlyPrintedSumsAreReadWhole() {
        return rows("ODD_AMOUNT").map(r -> DynamicTest.dynamicTest(r.get("text"), () -> {
            SentenceReading a = remedyReading(r.get("text"), leadIn(r), null);
            List<String> seen = new ArrayList<>();
            a.payments().forEach(p -> seen.add(plain(p.getAmountGbp())));
            a.uncounted().forEach(u -> seen.add(plain(new BigDecimal(u.substring(1).replace(",", "")))));
            for (String expected : amounts(r.get("reading"), "payments")) {
                assertTrue(seen.contains(expected), expected + " read as " + seen);
            }
            for (String expected : amounts(r.get("reading"), "not_payments")) {
                assertTrue(seen.contains(expected), expected + " read as " + seen);
            }
            assertEquals(expectedPayments(r), actual(a.payments()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> sumsInAListUnderALeadInAreReadWithIt() {
        return money("LEAD_IN_LIST");
    }

    @TestFactory
    Stream<DynamicTest> eachSumTakesThePurposeOfItsOwnWords() {
        return money("PURPOSE_PER_AMOUNT");
    }

    @TestFactory
    Stream<DynamicTest> ratesWaiversAndSumsAlreadyPaidAreNotPayments() {
        return Stream.of("WEEKLY_RATE", "WAIVED", "ALREADY_PAID").flatMap(RealSentencesTest::money);
    }

    @TestFactory
    Stream<DynamicTest> deadlinesInWordsAreReadAndPastOrLegalTimeLimitsAreNot() {
        return rows("WORDS_DEADLINE").map(r -> DynamicTest.dynamicTest(r.get("text"), () -> {
            Integer days = RemedyExtractor.deadlineDays(r.get("text"), DECIDED);
            assertEquals(deadline(r.get("reading")), days, r.get("reading"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> aServiceStandardInsideAnActionIsNotTheRemedyDeadline() {
        // None of these sentences sets a deadline of its own (one's list has one in its lead-in, not in the item).
        return rows("SERVICE_STANDARD").map(r -> DynamicTest.dynamicTest(r.get("text"), () ->
                assertNull(RemedyExtractor.deadlineDays(r.get("text"), DECIDED), r.get("reading"))));
    }

    @TestFactory
    Stream<DynamicTest> delayIsAFindingOnlyWhereTheOmbudsmanFindsIt() {
        return rows("DELAY_RESTATED").map(r -> DynamicTest.dynamicTest(r.get("text"), () -> {
            boolean expected = r.get("reading").contains("delay_fault=true");
            Outcome outcome = r.get("reading").contains("outcome=UPHELD") ? Outcome.UPHELD : Outcome.NOT_UPHELD;
            String text = r.get("text");
            // A list item of the complaint stays in the complaint; a sentence is the summary.
            String page = r.get("lead_in").endsWith(":")
                    ? header(outcome) + "Summary: The Council was at fault.\nThe complaint\n" + r.get("lead_in") + "\n- "
                            + text + "\n"
                    : header(outcome) + "Summary: " + summary(r) + "\n";
            DecisionRecord d = parse(page);
            assertEquals(expected && outcome == Outcome.UPHELD, d.getDelayFault(), r.get("reading"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> theComplaintDateIsTheComplainantsOwnFirstComplaintToTheBody() {
        return rows("COMPLAINT_DATE").map(r -> DynamicTest.dynamicTest(r.get("text"), () -> {
            String page = header(Outcome.UPHELD) + "Summary: The Council was at fault.\nWhat I found\n"
                    + (r.get("lead_in").isEmpty() ? "" : r.get("lead_in") + " ") + r.get("text") + "\n";
            DecisionRecord d = parse(page);
            String got = d.getComplaintDate() == null ? "none"
                    : d.getComplaintDate() + " " + d.getComplaintDatePrecision();
            String reading = r.get("reading").replaceFirst("^complaint_date=([^;]*).*$", "$1").strip();
            if (r.get("reading").contains("inferred")) {
                // A date a reader works out ("12 months before ... April 2019"): the parser must not give a wrong one.
                assertTrue(got.equals("none") || got.equals(reading), got);
            } else {
                assertEquals(reading, got);
            }
        }));
    }

    // Invented sentences, in the form of the classes the issue lists where no real sentence of that form was found.

    @Test
    void negatedFaultInTheFirstPersonIsNotUpheld() {
        // invented, in the form of real summaries ("We have not found fault by the Council in its handling of ...")
        assertEquals(Outcome.NOT_UPHELD, inferred("I have not found fault in how the Council dealt with Mr X's request."));
        assertEquals(Outcome.NOT_UPHELD, inferred("There was no maladministration by the Council."));
        // real: housing/allocations/22-002-144 in the gold set
        assertEquals(Outcome.NOT_UPHELD,
                inferred("We have not found fault by the Council in its handling of Mr X’s applications."));
    }

    /**
     * The outcome of a page without its Decision line, read from its summary. Real summaries from the reading set's
     * training part (www.lgo.org.uk/decisions/ + the path), each with the outcome its page's Decision line prints;
     * the rows marked invented check the same words where they must not count.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        planning/enforcement/24-018-190 (closed on one part, no fault found on another) | NOT_UPHELD | X complained about the Council’s planning enforcement decisions relating to development on land next to their home. We decided not to investigate this part of their complaint further, because we consider it is unlikely to result in a finding of fault or any other meaningful outcome for X. X also complained that the Council restricted their contact with officers. We found no fault with this part of the complaint because the Council considered and followed its policy.
        education/special-educational-needs/23-017-664 | NOT_UPHELD | We will not investigate whether the Council ensured delivery of Y’s special educational provision as these matters are too closely linked with the appeal to the Special Educational Needs and Disabilities Tribunal. We did not find fault with the Council for its role in Y’s transition to the post-16 placement.
        invented: an assessment's reason is no finding | CLOSED_AFTER_INITIAL_ENQUIRIES | We will not investigate Mr X’s complaint. There is no sign of fault in the Council’s decision.
        benefits-and-tax/council-tax/22-006-171 (remedied enough) | UPHELD | We will not investigate this complaint about Mr X’s council tax account. It is unlikely we could conclude there was fault by the Council on some points. Matters related to the court action are outside our power. The Council has done enough to put matters right and we cannot achieve much of what Mr X wants.
        planning/enforcement/22-009-878 | UPHELD | We found there was no fault in how the Council responded to Mr R’s and Miss X’s concerns as both a building control and local planning authority. And the Council’s apologies had already suitably addressed any injustice to Mr R arising from its avoidable delay in processing his complaint about what happened.
        housing/managing-council-tenancies/24-008-319 (closed in other words) | CLOSED_AFTER_INITIAL_ENQUIRIES | The law prevents us investigating this complaint about the Council’s handling of matters at a social housing property.
        other-categories/commercial-and-contracts/20-009-052 | CLOSED_AFTER_INITIAL_ENQUIRIES | We will not exercise discretion to investigate this complaint about the Council ending a garage tenancy.
        transport-and-highways/highway-repair-and-maintenance/19-017-828 | CLOSED_AFTER_INITIAL_ENQUIRIES | The complaint is about a road’s state of repair. The Ombudsman will not pursue this complaint because Mrs B has the right to take court action.
        planning/building-control/18-012-829 | CLOSED_AFTER_INITIAL_ENQUIRIES | The Ombudsman does not intend to investigate Ms X’s complaint about the Council’s issue of a completion certificate for a property she owns.
        transport-and-highways/traffic-management/20-002-256 (ended in other words) | NOT_UPHELD | The Ombudsman has discontinued his investigation into Mr C’s complaint about matters relating to traffic calming measures on his estate.
        planning/building-control/21-011-816 | NOT_UPHELD | The investigation of this complaint about the decisions made by a building control officer is discontinued.
        planning/planning-advice/23-007-922 | NOT_UPHELD | We did not continue our investigation because it was unlikely to result in a remedy for X or any other meaningful outcome.
        education/special-educational-needs/17-002-809 (fault in other words) | UPHELD | There was avoidable delay in the way the Council dealt with a transfer of a SEN statement to an EHC Plan.
        benefits-and-tax/housing-benefit-and-council-tax-benefit/18-018-353 | UPHELD | It made errors in its decisions and asked for information Mr X had already given or it did not need.
        housing/homelessness/23-012-496 | UPHELD | There was delay in offering Miss X temporary accommodation after the main housing duty was accepted.
        benefits-and-tax/housing-benefit-and-council-tax-benefit/18-016-709 (a remedy agreed) | UPHELD | Mr X complained about the Council’s handling of his application for discretionary housing payments. The Council agreed to put right the resulting injustice.
        invented: the same words negated | NOT_UPHELD | There was no avoidable delay. We found no fault.
        """)
    void theOutcomeOfAPageWithoutItsDecisionLineIsReadFromItsWords(String page, Outcome expected, String summary) {
        assertEquals(expected, inferred(summary), page);
    }

    @Test
    void aSumPrintedWithASpaceAfterTheThousandsCommaIsReadWhole() {
        // invented, in the form "£100, 000" that the issue reports seen on a real page
        SentenceReading a = remedyReading("The Council will pay Mr X £100, 000 for his financial loss.",
                null, null);
        assertEquals(List.of("100000|FINANCIAL_LOSS"), actual(a.payments()));
    }

    @Test
    void aSumWithoutThePayVerbUnderAnAgreedActionLeadInIsAPayment() {
        // invented, in the form the issue reports: "the Council has agreed to:" then "• £300 to recognise her distress"
        String page = header(Outcome.UPHELD) + "Summary: The Council was at fault.\nAgreed action\n"
                + "The Council has agreed to:\n• apologise to Mrs X;\n• £300 to recognise her distress.\n";
        assertEquals(List.of("300|DISTRESS"), actual(parse(page).getPayments()));
    }

    @Test
    void bothEndsOfAGuidanceRangeAreNotPayments() {
        // real: seed 002 (London Borough of Lambeth, 21 003 279), paragraph 14
        SentenceReading real = remedyReading("The Ombudsman considers payments for avoidable distress and "
                + "anxiety are symbolic and he often recommends a modest sum between the range of £100 to £300.", null,
                null);
        assertEquals(List.of(), real.payments());
        // invented, in the form the issue reports
        SentenceReading between = remedyReading("Our guidance says a payment of between £100 and £300 is "
                + "usual, so the Council should pay Mrs X £250.", null, null);
        assertEquals(List.of("250|OTHER"), actual(between.payments()));
    }

    @Test
    void aDeadlineInWordsOfWorkingDaysIsCounted() {
        // invented, in the form the issue reports ("within twenty working days")
        assertEquals(28, RemedyExtractor.deadlineDays("The Council will apologise to Mr X within twenty working days.",
                LocalDate.of(2025, 3, 3)));
    }

    @Test
    void aResponseStandardInsideAnActionIsNotTheDeadline() {
        // invented, in the form the issue reports
        assertNull(RemedyExtractor.deadlineDays("The Council will remind staff to respond to complaints within 10 "
                + "working days.", DECIDED));
        // real: seed 001 (Norfolk County Council, 20 005 547), paragraph 2: the Council's own earlier actions
        assertNull(RemedyExtractor.deadlineDays("to reallocate the case to a new social worker who would carry out new "
                + "assessment within 20 working days.", DECIDED));
    }

    @Test
    void summaryThatRestatesADelayComplaintButFindsOtherFaultHasNoDelayFault() {
        // real: benefits-and-tax/housing-benefit-and-council-tax-benefit/23-005-402 in the gold set, its whole summary
        String page = header(Outcome.UPHELD) + "Summary: Mr X complained about the Council’s delay in dealing with his "
                + "housing benefit appeal against its decision of an alleged overpayment owed by Mr X. There was fault by "
                + "the Council in how it dealt with Mr X’s housing benefit case. The Council was also at fault for its "
                + "complaint handling and its poor communication with Mr X. This caused injustice to Mr X. The Council "
                + "will take action to remedy the injustice caused.\n";
        assertFalse(parse(page).getDelayFault());
    }

    private static Stream<DynamicTest> money(String kind) {
        return rows(kind).map(r -> DynamicTest.dynamicTest(r.get("text"), () -> {
            SentenceReading a = remedyReading(r.get("text"), leadIn(r), r.get("lead_in"));
            // These classes are about printed sums; a payment with no sum is judged on whole pages (ReadingSetTest).
            assertEquals(expectedPayments(r), actual(a.payments().stream().filter(p -> p.getAmountGbp() != null)
                    .toList()), r.get("reading"));
        }));
    }

    private static Stream<DynamicTest> outcomes(String kind) {
        return rows(kind).map(r -> DynamicTest.dynamicTest(r.get("text"), () -> {
            Outcome expected = Outcome.valueOf(r.get("reading").replaceFirst("^outcome=([A-Z_]+).*$", "$1"));
            if (r.get("reading").contains("contrast case")) {
                // The rest of the page decides these; the sentence alone must not be read as the opposite finding.
                return;
            }
            assertEquals(expected, inferred(summary(r)), r.get("reading"));
        }));
    }

    /** The sentence read as one of a decision's remedy part, as the parser reads it. */
    private static SentenceReading remedyReading(String text, String leadIn, String context) {
        return READER.read(text, Section.REMEDY, leadIn, context);
    }

    private static Outcome inferred(String summary) {
        Findings.Reading<Outcome> r = Findings.outcome(DecisionDocument.read(
                "Anytown Borough Council (25 000 001)\nThe Ombudsman's final decision:\nSummary: " + summary + "\n"));
        return r == null ? null : r.value();
    }

    /** The lead-in and the sentence as one summary, without the "Summary:" label either may carry. */
    private static String summary(CSVRecord r) {
        String lead = r.get("lead_in").replaceFirst("^Summary:\\s*", "");
        String text = r.get("text").replaceFirst("^Summary:\\s*", "");
        return (lead.isEmpty() || lead.endsWith(":") ? text : lead + " " + text).strip();
    }

    private static String leadIn(CSVRecord r) {
        return r.get("lead_in").endsWith(":") ? r.get("lead_in") : null;
    }

    private static String header(Outcome outcome) {
        return "Anytown Borough Council (25 000 001)\nCategory : Housing > Allocations\nDecision : "
                + (outcome == Outcome.UPHELD ? "Upheld" : "Not upheld") + "\nDecision date : 03 Mar 2025\n"
                + "The Ombudsman's final decision:\n";
    }

    private static DecisionRecord parse(String page) {
        ParseResult r = PARSER.parse("test", page.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.isDecision(), "quarantined: " + r.detail());
        return r.decision();
    }

    /** A sentence's expected payments: the reading's, where the sentence itself holds a sum. */
    private static List<String> expectedPayments(CSVRecord r) {
        if (r.get("text").indexOf('£') < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher item = ITEM.matcher(field(r.get("reading"), "payments"));
        while (item.find()) {
            out.add(plain(new BigDecimal(item.group(1))) + "|" + item.group(2));
        }
        return out;
    }

    private static List<String> amounts(String reading, String key) {
        List<String> out = new ArrayList<>();
        Matcher item = ITEM.matcher(field(reading, key));
        while (item.find()) {
            out.add(plain(new BigDecimal(item.group(1))));
        }
        return out;
    }

    /** A field of a reading: the leading "key=value" parts, before the reader's free words. */
    private static String field(String reading, String key) {
        Matcher m = Pattern.compile("^((?:[a-z_]+=[^ ]*;? ?)*)").matcher(reading);
        m.lookingAt();
        for (String part : m.group(1).split(";? ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return "";
    }

    private static List<String> actual(List<Payment> payments) {
        return payments.stream().map(p -> (p.getAmountGbp() == null ? "?" : plain(p.getAmountGbp())) + "|"
                + p.getPurpose()).toList();
    }

    /** The reading's deadline in days after {@link #DECIDED}, or null for "deadline=none". */
    private static Integer deadline(String reading) {
        Matcher m = Pattern.compile("deadline=(\\d+) (month|week|day)s?").matcher(reading);
        if (!m.find()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        LocalDate due = switch (m.group(2)) {
            case "month" -> DECIDED.plusMonths(n);
            case "week" -> DECIDED.plusWeeks(n);
            default -> DECIDED.plusDays(n);
        };
        return (int) (due.toEpochDay() - DECIDED.toEpochDay());
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static Stream<CSVRecord> rows(String kind) {
        try (Reader r = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            List<CSVRecord> all = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
                    .getRecords();
            List<CSVRecord> of = all.stream().filter(c -> c.get("class").equals(kind)).toList();
            assertFalse(of.isEmpty(), "no real sentences of class " + kind);
            return of.stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
