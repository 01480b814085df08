package uk.ombudsman.analytics.parsing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.PaymentPurpose;
import uk.ombudsman.analytics.record.Remedy;

/**
 * Reads the remedy part of a decision (Agreed action, Recommended action, ...; the summary where there is none):
 * the payments with their purpose and evidence, the kinds of remedy, and the deadline.
 */
final class RemedyExtractor {
    private static final Pattern AMOUNT = Pattern.compile("£\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{2})?(?![\\d,]*\\d)");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern PAY_WORD = Pattern.compile(
            "\\b(?:pay|pays|paying|payment|payments|refund|refunds|reimburse|reimbursement|compensat\\w*|"
                    + "remit|award|credit)\\b", Pattern.CASE_INSENSITIVE);
    /** An amount after these words is guidance or history, not a payment the decision asks for. */
    private static final Pattern NOT_A_PAYMENT = Pattern.compile(
            "\\b(?:between|range|up to|typically|usually|normally|guidance|already|previously|had paid|has paid|"
                    + "had offered|originally offered|charged?)\\b[^£]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RATE_AFTER = Pattern.compile(
            "^\\s*(?:a|per|an|each)\\s+(?:week|month|hour|night|day|year|annum)\\b", Pattern.CASE_INSENSITIVE);

    private static final Map<PaymentPurpose, Pattern> PURPOSE_CUES = Map.of(
            PaymentPurpose.TIME_AND_TROUBLE, Pattern.compile("\\btime and trouble\\b", Pattern.CASE_INSENSITIVE),
            PaymentPurpose.FINANCIAL_LOSS, Pattern.compile(
                    "\\b(?:refund\\w*|reimburs\\w*|repa(?:y|id)\\w*|costs?|fees?|financial loss|loss of (?:income|earnings)|"
                            + "overpa\\w*|arrears|expenses|charges?|rent|council tax|fines?)\\b",
                    Pattern.CASE_INSENSITIVE),
            PaymentPurpose.LOSS_OF_SERVICE, Pattern.compile(
                    "\\b(?:loss of (?:the )?(?:service|education|provision|support|care|respite|placement)|"
                            + "(?:missed|lost|lack of) (?:education|provision|support|care|services?|respite|tuition)|"
                            + "months? (?:of|without) (?:provision|education|support|care))\\b",
                    Pattern.CASE_INSENSITIVE),
            PaymentPurpose.DISTRESS, Pattern.compile(
                    "\\b(?:distress\\w*|upset|frustration|anxiety|uncertainty|inconvenience|worry|stress|hurt|"
                            + "injustice|avoidable|symbolic)\\b",
                    Pattern.CASE_INSENSITIVE));

    private static final Pattern APOLOGY = Pattern.compile("\\b(?:apologi[sz]e|apologi[sz]es|apology|apologies)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern APOLOGY_DONE = Pattern.compile("\\b(?:already|has|had) (?:\\w+ )?apologi[sz]ed\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String PERSON = "(?:him|her|them|Mr|Mrs|Miss|Ms|Mx|Dr|the complainant|the family)";
    private static final Pattern ACTION = Pattern.compile(String.join("|",
            "\\bre-?assess\\w*", "\\breconsider\\w*", "\\bre-?review\\w*",
            "\\b(?:carry out|complete|undertake|arrange|hold|convene)\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,4}?"
                    + "(?:assessment|review|meeting|panel|investigation|visit|appeal)",
            "\\bproduce\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?plan\\b",
            "\\bprovide\\s+" + PERSON + "\\b",
            "\\b(?:write to|meet with|meet|contact|discuss with)\\s+" + PERSON + "\\b",
            "\\b(?:decide|determine)\\s+(?:whether|if|his|her|their)\\b",
            "\\b(?:backdate|amend|correct|update|remove)\\s+(?:his|her|their|the)\\s+(?:[\\w-]+\\s+){0,3}?"
                    + "(?:records?|plan|EHC\\w*|account|bill|assessment|entry|file)",
            "\\bissue\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:decision|plan|response|notice)"),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVICE_IMPROVEMENT = Pattern.compile(String.join("|",
            "\\btrain(?:ing|ed)?\\b", "\\bmonitor(?:ing|s)?\\b", "\\bremind\\w*", "\\blearning\\b",
            "\\b(?:review|change|amend|update|improve|introduce|revise)\\s+(?:its|their|the council's|the)\\s+"
                    + "(?:[\\w-]+\\s+){0,3}?(?:procedures?|polic(?:y|ies)|process(?:es)?|practices?|guidance|systems?|"
                    + "arrangements|templates?|letters)\\b",
            "\\b(?:staff|officers|social workers|workers|employees|teams?)\\b.{0,80}?\\b(?:aware|guidance|briefed)\\b",
            "\\bshare\\s+(?:this|our|the)\\s+(?:decision|learning|findings)\\s+with\\b"),
            Pattern.CASE_INSENSITIVE);
    /** A word each ACTION alternative contains; checked literally before the costly pattern. */
    private static final List<String> ACTION_WORDS = List.of("assess", "consider", "review", "carry out", "complete",
            "undertake", "arrange", "hold", "convene", "produce", "provide", "write to", "meet", "contact", "discuss",
            "decide", "determine", "backdate", "amend", "correct", "update", "remove", "issue");
    private static final List<String> IMPROVEMENT_WORDS = List.of("train", "monitor", "remind", "learning", "review",
            "change", "amend", "update", "improve", "introduce", "revise", "staff", "officers", "workers",
            "employees", "team", "share");
    private static final Pattern RESTATED_FINDING = Pattern.compile("^(?:I|We) (?:have )?(?:also )?found\\b");

    private static final Pattern WITHIN = Pattern.compile(
            "\\bwithin\\s+(?<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3})\\s+"
                    + "(?<kind>calendar\\s+|working\\s+)?(?<unit>months?|weeks?|days?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_DATE = Pattern.compile(
            "\\b(?:by|before|no later than)\\s+(?:the\\s+)?(?<date>\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Za-z]{3,9}\\.?,?\\s+\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    private RemedyExtractor() {
    }

    record Result(List<Payment> payments, List<Remedy> remedies, Integer deadlineDays, boolean hasRemedyText) {
    }

    static Result extract(DecisionDocument doc, LocalDate decisionDate) {
        List<Line> lines = doc.in(Section.REMEDY);
        boolean fromSection = !lines.isEmpty();
        if (!fromSection && doc.summary != null) {
            lines = List.of(new Line(doc.summary, false, Section.PREAMBLE));
        }
        List<Payment> payments = new ArrayList<>();
        Set<Remedy> remedies = EnumSet.noneOf(Remedy.class);
        Integer deadline = null;
        String leadIn = null;
        for (Line line : lines) {
            String context = line.item() ? leadIn : null;
            for (Sentences.Sentence s : Sentences.split(line.text())) {
                payments.addAll(payments(s.text(), context));
                if (!RESTATED_FINDING.matcher(s.text()).find()) {
                    // Each kind is looked for until found once: the patterns are the costly part of a remedy.
                    if (!remedies.contains(Remedy.APOLOGY) && APOLOGY.matcher(s.text()).find()
                            && !APOLOGY_DONE.matcher(s.text()).find()) {
                        remedies.add(Remedy.APOLOGY);
                    }
                    String lower = s.text().toLowerCase(Locale.ROOT);
                    if (!remedies.contains(Remedy.ACTION_FOR_COMPLAINANT) && containsAny(lower, ACTION_WORDS)
                            && ACTION.matcher(s.text()).find()) {
                        remedies.add(Remedy.ACTION_FOR_COMPLAINANT);
                    }
                    if (!remedies.contains(Remedy.SERVICE_IMPROVEMENT) && containsAny(lower, IMPROVEMENT_WORDS)
                            && SERVICE_IMPROVEMENT.matcher(s.text()).find()) {
                        remedies.add(Remedy.SERVICE_IMPROVEMENT);
                    }
                }
                if (decisionDate != null) {
                    Integer d = deadlineDays(s.text(), decisionDate);
                    if (d != null && (deadline == null || d < deadline)) {
                        deadline = d;
                    }
                }
            }
            if (line.text().endsWith(":")) {
                leadIn = line.text();
            }
        }
        if (!payments.isEmpty()) {
            remedies.add(Remedy.PAYMENT);
        }
        return new Result(payments, List.copyOf(remedies), deadline, fromSection);
    }

    /** The payments one sentence asks for; {@code leadIn} is the line introducing the list it stands in. */
    static List<Payment> payments(String sentence, String leadIn) {
        if (sentence.indexOf('£') < 0) {
            return List.of();
        }
        boolean payContext = PAY_WORD.matcher(sentence).find() || leadIn != null && PAY_WORD.matcher(leadIn).find();
        if (!payContext) {
            return List.of();
        }
        // A breakdown in brackets after an amount is part of that amount, not more payments.
        String outer = sentence;
        for (String prev = null; !outer.equals(prev); ) {
            prev = outer;
            outer = PARENTHESES.matcher(outer).replaceAll(m -> m.group().indexOf('£') >= 0 ? "" : m.group());
        }
        List<Payment> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(outer);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            String before = outer.substring(i == 0 ? 0 : spans.get(i - 1)[1], start);
            String after = outer.substring(end, i + 1 < spans.size() ? spans.get(i + 1)[0] : outer.length());
            if (NOT_A_PAYMENT.matcher(before).find() || RATE_AFTER.matcher(after).find()) {
                continue;
            }
            Matcher a = AMOUNT.matcher(outer.substring(start, end));
            a.find();
            BigDecimal amount = new BigDecimal(a.group(1).replace(",", "") + (a.group(2) == null ? "" : a.group(2)));
            if (amount.signum() <= 0) {
                continue;
            }
            PaymentPurpose purpose = firstCue(after);
            if (purpose == null) {
                purpose = lastCue(before);
            }
            if (purpose == null && leadIn != null) {
                purpose = firstCue(leadIn);
            }
            out.add(new Payment(amount.setScale(2), purpose == null ? PaymentPurpose.OTHER : purpose, sentence));
        }
        return out;
    }

    private static PaymentPurpose firstCue(String text) {
        PaymentPurpose best = null;
        int at = Integer.MAX_VALUE;
        for (var e : PURPOSE_CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = e.getKey();
            }
        }
        return best;
    }

    private static PaymentPurpose lastCue(String text) {
        PaymentPurpose best = null;
        int at = -1;
        for (var e : PURPOSE_CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                if (m.start() > at) {
                    at = m.start();
                    best = e.getKey();
                }
            }
        }
        return best;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static Integer deadlineDays(String sentence, LocalDate decisionDate) {
        Integer best = null;
        Matcher w = WITHIN.matcher(sentence);
        while (w.find()) {
            String n = w.group("n").toLowerCase(Locale.ROOT);
            int count = NUMBER_WORDS.containsKey(n) ? NUMBER_WORDS.get(n) : Integer.parseInt(n);
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
        Matcher b = BY_DATE.matcher(sentence);
        while (b.find()) {
            LocalDate due = TextDates.parseFull(b.group("date"));
            if (due != null && due.isAfter(decisionDate)) {
                best = min(best, (int) (due.toEpochDay() - decisionDate.toEpochDay()));
            }
        }
        return best;
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
