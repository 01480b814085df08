package uk.ombudsman.analytics.parsing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.record.ServiceImprovement;

/**
 * Reads the remedy part of a decision (Agreed action, Recommended action, ...; the summary where there is none):
 * the payments with their purpose and evidence, the kinds of remedy, and the deadline.
 */
final class RemedyExtractor {


    private static final Pattern AGREED_IN_ASSESSMENT = Pattern.compile(
            "\\b(?:asked the (?:council|provider|trust)|(?:has|have) agreed|agreed to|recommend\\w*)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WITHIN = Pattern.compile(
            "\\bwithin\\s+(?<n>(?:twenty|thirty|forty|fifty|sixty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
                    + "eight|nine))?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                    + "fifteen|sixteen|eighteen|\\d{1,3})\\s+"
                    + "(?<kind>calendar\\s+|working\\s+)?(?<unit>months?|weeks?|days?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_DATE = Pattern.compile(
            "\\b(?:by|before|no later than)\\s+(?:the\\s+)?(?<date>\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Za-z]{3,9}\\.?,?\\s+\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("eighteen", 18), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("ninety", 90));
    /**
     * A time limit inside an action that is a service standard, not this remedy's deadline: "remind staff to respond
     * to complaints within 10 working days", "ensure assessments are completed within 28 days". Yields to "of my
     * final decision" after the time limit.
     */
    private static final Pattern STANDARD_BEFORE = Pattern.compile(
            "\\b(?:remind\\w*|ensur\\w*|train\\w*|guidance|so that|make sure|in future|required to|expected to)\\b[^;:]*$",
            Pattern.CASE_INSENSITIVE);
    /** A past time limit, the law's, or a condition: never this remedy's deadline. */
    private static final Pattern NOT_A_DEADLINE_BEFORE = Pattern.compile(
            "\\b(?:should have|must have|would have|could have|would|law says|appeal\\w*|statutory|if|did not|failed to)\\b"
                    + "[^;:]*$", Pattern.CASE_INSENSITIVE);
    /** "within one month of my final decision", "of the date of this report": always this remedy's deadline. */
    private static final Pattern OF_THE_DECISION = Pattern.compile(
            "^\\s*of (?:the date of )?(?:my|our|the|this) (?:final )?(?:decision|report|statement)",
            Pattern.CASE_INSENSITIVE);

    private RemedyExtractor() {
    }

    /**
     * @param uncounted sums in the remedy part that are not counted as payments (a reader should look)
     * @param deadlineEvidence the sentence the deadline was read from
     */
    record Result(List<Payment> payments, List<Remedy> remedies, Integer deadlineDays, String deadlineEvidence,
            List<String> uncounted, boolean hasRemedyText, List<ServiceImprovement> improvements) {
    }

    static Result extract(DecisionDocument doc, LocalDate decisionDate, SentenceReader reader) {
        List<Line> lines = doc.in(Section.REMEDY);
        if (lines.isEmpty()) {
            // Decisions made at assessment agree their remedy in "My assessment" ("We asked the Council to ...").
            lines = doc.in(Section.ASSESSMENT).stream().filter(l -> AGREED_IN_ASSESSMENT.matcher(l.text()).find())
                    .toList();
        }
        boolean fromSection = !lines.isEmpty();
        if (!fromSection && doc.summary != null) {
            lines = List.of(new Line(doc.summary, false, Section.PREAMBLE));
        }
        List<Payment> payments = new ArrayList<>();
        List<String> uncounted = new ArrayList<>();
        List<ServiceImprovement> improvements = new ArrayList<>();
        Set<Remedy> remedies = EnumSet.noneOf(Remedy.class);
        boolean remedyAgreed = false;
        Integer deadline = null;
        String deadlineEvidence = null;
        String leadIn = null;
        for (Line line : lines) {
            String listLeadIn = line.item() ? leadIn : null;
            StringBuilder before = new StringBuilder();
            for (Sentences.Sentence s : doc.sentences(line.text())) {
                String text = s.text();
                SentenceReading r = reader.read(text, line.section(), listLeadIn, before.toString());
                payments.addAll(r.payments());
                uncounted.addAll(r.uncounted());
                remedies.addAll(r.remedies());
                remedyAgreed |= r.remedyAgreed();
                r.improvements().stream().filter(i -> !improvements.contains(i)).forEach(improvements::add);
                if (decisionDate != null) {
                    // A deadline in a list's lead-in ("Within one month the Council will:") governs its items.
                    Integer d = deadlineDays(text, decisionDate);
                    if (d != null && (deadline == null || d < deadline)) {
                        deadline = d;
                        deadlineEvidence = text;
                    }
                }
                before.append(text).append(' ');
            }
            if (line.text().endsWith(":")) {
                leadIn = line.text();
            }
        }
        Set<String> withSums = new HashSet<>();
        payments.stream().filter(p -> p.getAmountGbp() != null).forEach(p -> withSums.add(p.getEvidence()));
        // "will make a payment" in the summary, the sum in the agreed action: where any sum is printed, the payments
        // with none are the same money mentioned before its sum was given; not one asked for beside a sum in its own
        // sentence ("repay part of the fees and pay Mr C £250"), which is other money.
        payments.removeIf(p -> p.getAmountGbp() == null && !withSums.isEmpty() && !withSums.contains(p.getEvidence()));
        remedies.remove(Remedy.PAYMENT);
        if (!payments.isEmpty()) {
            remedies.add(Remedy.PAYMENT);
        }
        if (remedies.isEmpty() && remedyAgreed) {
            remedies.add(Remedy.OTHER); // a remedy agreed whose kind the remedy part does not name
        }
        return new Result(payments, List.copyOf(remedies), deadline, deadlineEvidence, uncounted, fromSection,
                improvements);
    }

    static Integer deadlineDays(String sentence, LocalDate decisionDate) {
        Integer best = null;
        // The literal checks first: most sentences set no deadline, and the patterns cost more than the scans.
        boolean mayHoldWithin = sentence.contains("ithin") || sentence.contains("ITHIN");
        Matcher w = WITHIN.matcher(sentence);
        while (mayHoldWithin && w.find()) {
            String rest = sentence.substring(w.end());
            String before = sentence.substring(0, w.start());
            boolean ofTheDecision = OF_THE_DECISION.matcher(rest).lookingAt();
            // "within 30 days of Mrs X's request", "within 18 months of the ceremony": a limit on something else.
            boolean ofSomethingElse = !ofTheDecision && rest.stripLeading().startsWith("of ");
            if (ofSomethingElse || NOT_A_DEADLINE_BEFORE.matcher(before).find()
                    || !ofTheDecision && STANDARD_BEFORE.matcher(before).find()) {
                continue; // a service standard or a past time limit, not when this remedy is due
            }
            int count = count(w.group("n").toLowerCase(Locale.ROOT));
            String unit = w.group("unit").toLowerCase(Locale.ROOT);
            boolean working = w.group("kind") != null && w.group("kind").toLowerCase(Locale.ROOT).startsWith("working");
            LocalDate due;
            if (unit.startsWith("month")) {
                due = decisionDate.plusMonths(count);
            } else if (unit.startsWith("week")) {
                due = decisionDate.plusWeeks(count);
            } else {
                due = working ? plusWorkingDays(decisionDate, count) : decisionDate.plusDays(count);
            }
            best = min(best, (int) (due.toEpochDay() - decisionDate.toEpochDay()));
        }
        boolean mayHoldDate = TextDates.mayHoldDate(sentence);
        Matcher b = BY_DATE.matcher(sentence);
        while (mayHoldDate && b.find()) {
            if (NOT_A_DEADLINE_BEFORE.matcher(sentence.substring(0, b.start())).find()) {
                continue;
            }
            LocalDate due = TextDates.parseFull(b.group("date"));
            if (due != null && due.isAfter(decisionDate)) {
                best = min(best, (int) (due.toEpochDay() - decisionDate.toEpochDay()));
            }
        }
        return best;
    }

    /** "20", "twenty", "twenty-eight", "a". */
    private static int count(String n) {
        if (Character.isDigit(n.charAt(0))) {
            return Integer.parseInt(n);
        }
        int total = 0;
        for (String part : n.split("[- ]")) {
            total += NUMBER_WORDS.get(part);
        }
        return total;
    }

    private static Integer min(Integer a, int b) {
        return a == null || b < a ? b : a;
    }

    private static LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate d = from;
        for (int added = 0; added < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return d;
    }
}
