package uk.ombudsman.analytics.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.ombudsman.analytics.record.Remedy;

/**
 * k-fold cross-validation of the sentence models on the training part, folds by page (never one page's sentences on
 * both sides): how settings and thresholds are chosen without touching the held-out part. For each question it
 * prints precision and recall at each threshold of a grid, and the phrase rules' own score where they give one.
 */
public final class CrossValidation {
    private static final double[] GRID = {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private CrossValidation() {
    }

    /** A labelled truth and the model's probability for it. */
    public record Scored(boolean truth, double p) {
    }

    public static String report(List<LabelledSentence> data, Map<String, String> settings, int k, Cues cues) {
        Map<String, List<Scored>> scored = new LinkedHashMap<>();
        Map<String, int[]> rules = new LinkedHashMap<>();
        for (int fold = 0; fold < k; fold++) {
            List<LabelledSentence> train = new ArrayList<>();
            List<LabelledSentence> test = new ArrayList<>();
            for (LabelledSentence s : data) {
                (Math.floorMod(s.file().hashCode(), k) == fold ? test : train).add(s);
            }
            SentenceModels m = SentenceModels.train(train, settings, cues, SentenceModels.CANDIDATE_KINDS);
            for (LabelledSentence s : test) {
                List<String> tokens = Features.tokens(s.text());
                boolean delayTruth = s.delay().equals(SentenceModels.AT_FAULT);
                add(scored, "delay AT_FAULT", delayTruth, m.delayProbability(s.text(), tokens));
                if (cues != Cues.NONE) {
                    List<String> c = new ArrayList<>();
                    cues.ofDelay(s.text(), c);
                    rule(rules, "delay AT_FAULT", delayTruth, c.contains("c=delayfault"));
                    c.clear();
                    cues.ofRemedy(s.text(), c);
                    for (Remedy r : SentenceModels.CANDIDATE_KINDS) {
                        rule(rules, "remedy " + r, s.remedies().contains(r.name()), c.contains("c=kind:" + r));
                    }
                }
                for (String v : List.of("UPHELD", "NOT_UPHELD", "CLOSED")) {
                    add(scored, "verdict " + v, s.verdict().equals(v), m.verdictProbability(s.text(), tokens, v));
                }
                for (Remedy r : SentenceModels.CANDIDATE_KINDS) {
                    add(scored, "remedy " + r, s.remedies().contains(r.name()), m.remedyProbability(s.text(), tokens, r));
                }
                for (SentenceModels.LabelledSum sum : SentenceModels.labelledSums(s, tokens, cues)) {
                    add(scored, "sum is a payment", sum.paid(), m.sumProbability(tokens, sum.at(), sum.cue()));
                    if (sum.cue() != null) {
                        rule(rules, "sum is a payment", sum.paid(), sum.cue().equals("c=counted"));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d-fold cross-validation on %d sentences (folds by page), %s, settings %s%n", k, data.size(),
                cues == Cues.NONE ? "words alone" : "words and the phrase rules' cues", settings));
        return out.append(grid(scored, rules)).toString();
    }

    /**
     * Precision and recall of each question at each threshold of the grid, with the phrase rules' own score where
     * {@code rules} has one: the table every cross-validation prints.
     */
    public static String grid(Map<String, List<Scored>> scored, Map<String, int[]> rules) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %-32s", "precision/recall at threshold"));
        for (double t : GRID) {
            out.append(String.format(Locale.ROOT, " %11.2f", t));
        }
        out.append('\n');
        scored.forEach((name, list) -> {
            out.append(String.format(Locale.ROOT, "  %-32s", name));
            for (double t : GRID) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (Scored x : list) {
                    boolean read = x.p() >= t;
                    tp += x.truth() && read ? 1 : 0;
                    fp += !x.truth() && read ? 1 : 0;
                    fn += x.truth() && !read ? 1 : 0;
                }
                out.append(String.format(Locale.ROOT, " %5.3f/%5.3f", ratio(tp, tp + fp), ratio(tp, tp + fn)));
            }
            int[] r = rules.get(name);
            if (r != null) {
                out.append(String.format(Locale.ROOT, "  (rules alone %5.3f/%5.3f)", ratio(r[0], r[0] + r[1]),
                        ratio(r[0], r[0] + r[2])));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static void rule(Map<String, int[]> rules, String name, boolean truth, boolean read) {
        int[] c = rules.computeIfAbsent(name, x -> new int[3]);
        c[0] += truth && read ? 1 : 0;
        c[1] += !truth && read ? 1 : 0;
        c[2] += truth && !read ? 1 : 0;
    }

    public static void add(Map<String, List<Scored>> scored, String name, boolean truth, double p) {
        scored.computeIfAbsent(name, x -> new ArrayList<>()).add(new Scored(truth, p));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1 : a / (double) b;
    }
}
