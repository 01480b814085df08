package uk.ombudsman.analytics.parsing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import uk.ombudsman.analytics.reading.FieldAccuracy;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * Every field of every passage of one labelled set compared with what the parser reads: per-field precision and
 * recall with 95% Wilson intervals, the share of passages whose remedies are exactly the labelled set, sums counted
 * that are not payments, and every miss. Knows the labels and the record, never how the parser works.
 */
final class FieldScores {
    private static final DecisionParser BUNDLED = new DecisionParser(CouncilDirectory.bundled());

    final Map<String, Score> scores = new LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();
    private final DecisionParser parser;
    int passages;
    int notPaymentsCounted;
    int remedySetsRight;
    int remedySetsScored;

    /** The parser with the jar's models, on one set. */
    FieldScores(List<GoldSet.Passage> set) {
        this(set, BUNDLED);
    }

    FieldScores(List<GoldSet.Passage> set, DecisionParser parser) {
        this.parser = parser;
        set.forEach(this::score);
    }

    private void score(GoldSet.Passage p) {
        passages++;
        DecisionRecord d = parse(p.url(), p.bytes());
        field("case_ref", p, x -> true, p.caseRef(), d == null ? null : d.getCaseRef());
        field("body", p, x -> true, clean(p.body()), d == null ? null : clean(d.getCouncilAsPrinted()));
        field("category", p, GoldSet.Passage::hasHeader, spelling(p.category()),
                d == null ? null : spelling(d.getCategory()));
        field("subcategory", p, GoldSet.Passage::hasHeader, spelling(p.subcategory()),
                d == null ? null : spelling(d.getSubcategory()));
        field("decision_date", p, x -> true, p.decisionDate(),
                d == null || d.getDecisionDate() == null ? null : d.getDecisionDate().toString());
        Predicate<GoldSet.Passage> known = x -> !x.outcome().equals("UNKNOWN") && !x.outcome().isEmpty();
        String outcome = outcomeOf(d);
        field("outcome", p, known, p.outcome(), outcome);
        field("outcome, no header", p, known.and(x -> !x.hasHeader()), p.outcome(), outcome);
        if (p.header().equals("INLINE") && known.test(p)) {
            field("outcome, header removed", p, x -> true, p.outcome(),
                    outcomeOf(parse(p.url(), withoutHeaderLines(p.bytes()))));
        }
        List<Payment> paid = d == null ? List.of() : d.getPayments();
        fields("payment amounts", p, p.paymentAmounts(), paid.stream().filter(x -> x.getAmountGbp() != null)
                .map(x -> plain(x.getAmountGbp())).toList());
        fields("payment purposes", p, p.paymentsWithPurpose(),
                paid.stream().map(x -> amount(x) + "|" + x.getPurpose()).toList());
        // The same payments, purpose aside: whether each was found at all. Readers gave a payment whose purpose the text
        // does not name DISTRESS or OTHER inconsistently (reading/README.md), which the purposes row counts too.
        fields("payments found", p, p.paymentsWithPurpose().stream()
                .map(x -> x.substring(0, x.indexOf('|'))).toList(), paid.stream().map(FieldScores::amount).toList());
        field("payment total", p, x -> true, nonZero(p.paymentTotal()),
                nonZero(d == null ? BigDecimal.ZERO : d.getPaymentTotalGbp()));
        List<String> remedies = d == null ? List.of() : d.getRemedies().stream().map(Enum::name).toList();
        fields("remedies", p, p.remedies(), remedies);
        remedySetsScored++;
        if (new TreeSet<>(p.remedies()).equals(new TreeSet<>(remedies))) {
            remedySetsRight++;
        }
        Integer days = p.remedyDeadlineDays();
        field("remedy_deadline_days", p, x -> !x.decisionDate().isEmpty(), days == null ? null : days.toString(),
                d == null || d.getRemedyDeadlineDays() == null ? null : d.getRemedyDeadlineDays().toString());
        field("delay_fault", p, x -> true, p.delayFault() ? "true" : null,
                d != null && Boolean.TRUE.equals(d.getDelayFault()) ? "true" : null);
        field("complaint_date", p, x -> true,
                p.complaintDate().isEmpty() ? null : p.complaintDate() + " " + p.complaintDatePrecision(),
                d == null || d.getComplaintDate() == null ? null
                        : d.getComplaintDate() + " " + d.getComplaintDatePrecision());
        Set<String> notPayments = p.notPayments().stream().filter(x -> !x.startsWith("?"))
                .map(x -> plain(new BigDecimal(x.substring(0, x.indexOf('|')).replace(",", ""))))
                .collect(Collectors.toSet());
        for (Payment x : paid) {
            if (x.getAmountGbp() == null) {
                continue;
            }
            String a = plain(x.getAmountGbp());
            if (notPayments.contains(a) && !p.paymentAmounts().contains(a)) {
                notPaymentsCounted++;
                misses.add("NOT A PAYMENT counted: " + p.file() + " £" + a + " <- " + x.getEvidence());
            }
        }
    }

    private void field(String name, GoldSet.Passage p, Predicate<GoldSet.Passage> scope, String expected,
            String predicted) {
        if (scope.test(p)) {
            fields(name, p, expected == null || expected.isEmpty() ? List.of() : List.of(expected),
                    predicted == null || predicted.isEmpty() ? List.of() : List.of(predicted));
        }
    }

    /** Multisets compared: what both hold is right, what only the parser holds is wrong, the rest missed. */
    private void fields(String name, GoldSet.Passage p, List<String> expected, List<String> predicted) {
        Score s = scores.computeIfAbsent(name, k -> new Score());
        List<String> left = new ArrayList<>(expected);
        List<String> wrong = new ArrayList<>();
        for (String x : predicted) {
            if (!left.remove(x)) {
                wrong.add(x);
            }
        }
        s.tp += predicted.size() - wrong.size();
        s.fp += wrong.size();
        s.fn += left.size();
        if (!wrong.isEmpty() || !left.isEmpty()) {
            misses.add(String.format("%-24s %-60s read %s, missed %s", name, p.file(), wrong, left));
        }
    }

    /** Adds another set's counts (a fold of a cross-validation) to these. */
    void add(FieldScores other) {
        other.scores.forEach((name, o) -> {
            Score s = scores.computeIfAbsent(name, k -> new Score());
            s.tp += o.tp;
            s.fp += o.fp;
            s.fn += o.fn;
        });
        misses.addAll(other.misses);
        passages += other.passages;
        notPaymentsCounted += other.notPaymentsCounted;
        remedySetsRight += other.remedySetsRight;
        remedySetsScored += other.remedySetsScored;
    }

    double remedySetShare() {
        return remedySetsScored == 0 ? Double.NaN : remedySetsRight / (double) remedySetsScored;
    }

    String table(String title) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n%s: %d passages%n%-26s %5s %5s %5s %9s %15s"
                + " %7s %15s%n", title, passages, "field", "TP", "FP", "FN", "precision", "(95% CI)", "recall", "(95% CI)"));
        scores.forEach((name, s) -> t.append(String.format(Locale.ROOT, "%-26s %5d %5d %5d %9s %15s %7s %15s%n", name,
                s.tp, s.fp, s.fn, format(s.precision()), wilson(s.tp, s.tp + s.fp), format(s.recall()),
                wilson(s.tp, s.tp + s.fn))));
        t.append(String.format(Locale.ROOT, "remedies exactly right on %d of %d passages (%s, 95%% CI %s)%n",
                remedySetsRight, remedySetsScored, format(remedySetShare()), wilson(remedySetsRight, remedySetsScored)));
        return t.append(String.format("sums counted as payments that are not: %d%n", notPaymentsCounted)).toString();
    }

    List<String> below(Map<String, double[]> minimum) {
        List<String> out = new ArrayList<>();
        minimum.forEach((name, min) -> {
            Score s = scores.get(name);
            if (s == null || s.precision() < min[0] || s.recall() < min[1]) {
                out.add(name + ": precision " + (s == null ? "-" : format(s.precision())) + " (min " + min[0]
                        + "), recall " + (s == null ? "-" : format(s.recall())) + " (min " + min[1] + ")");
            }
        });
        return out;
    }

    /** The 95% Wilson score interval of k in n, as "[lo, hi]". */
    static String wilson(int k, int n) {
        if (n == 0) {
            return "-";
        }
        double[] ci = FieldAccuracy.wilson(k, n);
        return String.format(Locale.ROOT, "[%.3f, %.3f]", ci[0], ci[1]);
    }

    /** Each field's precision and recall, and the share of exactly right remedy sets, as the manifest gives them. */
    List<FieldAccuracy.Score> accuracy() {
        List<FieldAccuracy.Score> out = new ArrayList<>();
        scores.forEach((name, s) -> {
            out.add(new FieldAccuracy.Score(name, "precision", s.tp, s.tp + s.fp));
            out.add(new FieldAccuracy.Score(name, "recall", s.tp, s.tp + s.fn));
        });
        out.add(new FieldAccuracy.Score("remedies", "exact_set_share", remedySetsRight, remedySetsScored));
        return out;
    }

    private DecisionRecord parse(String source, byte[] bytes) {
        ParseResult r = parser.parse(source, bytes);
        return r.isDecision() ? r.decision() : null;
    }

    /** The outcome read, or none where the parser could not tell (a NO_OUTCOME record). */
    private static String outcomeOf(DecisionRecord d) {
        return d == null || d.getParseWarnings().contains(ParseWarning.NO_OUTCOME.name()) ? null
                : d.getOutcome().name();
    }

    /** The passage as a page without its header lines looks: the outcome must then be read from the words. */
    private static byte[] withoutHeaderLines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.strip().matches("(?i)(category|decision|decision date)\\s*:.*"))
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
    }

    private static String amount(Payment x) {
        return x.getAmountGbp() == null ? "?" : plain(x.getAmountGbp());
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String nonZero(BigDecimal total) {
        return total.signum() == 0 ? null : plain(total);
    }

    /** Label and value compared as a reader would: straight apostrophes, single spaces. */
    private static String clean(String s) {
        return s == null ? null : s.replace('\u2019', '\'').replaceAll("\\s+", " ").strip();
    }

    /** A category as the project spells it may differ from the page in case only ("Other Categories"). */
    private static String spelling(String s) {
        return s == null ? null : clean(s).toLowerCase(Locale.ROOT);
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        }
    }
}
