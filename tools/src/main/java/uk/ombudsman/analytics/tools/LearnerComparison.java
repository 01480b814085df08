package uk.ombudsman.analytics.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import uk.ombudsman.analytics.reading.CrossValidation;
import uk.ombudsman.analytics.reading.CrossValidation.Scored;
import uk.ombudsman.analytics.reading.Cues;
import uk.ombudsman.analytics.reading.Features;
import uk.ombudsman.analytics.reading.LabelledSentence;
import uk.ombudsman.analytics.reading.Screens;
import uk.ombudsman.analytics.reading.SentenceModels;
import uk.ombudsman.analytics.record.Remedy;

/**
 * The issue asked for both well-kept Java learners to be tried on the same data: Apache OpenNLP's maximum entropy
 * (what the parser uses) against Tribuo's logistic regression, on the two questions the parser asks a model (a
 * payment with no sum printed; whether a printed sum is a payment), with the same features, the same folds by page
 * and the same grid as the train command's cross-validation. Tribuo stays a developers' tool: it is not in the jar.
 */
final class LearnerComparison {
    private static final String YES = "YES";
    private static final String NO = "NO";

    private LearnerComparison() {
    }

    static String report(List<LabelledSentence> data, Map<String, String> settings, int k, Cues cues) {
        Map<String, List<Scored>> scored = new LinkedHashMap<>();
        for (int fold = 0; fold < k; fold++) {
            List<LabelledSentence> train = new ArrayList<>();
            List<LabelledSentence> test = new ArrayList<>();
            for (LabelledSentence s : data) {
                (Math.floorMod(s.file().hashCode(), k) == fold ? test : train).add(s);
            }
            SentenceModels opennlp = SentenceModels.train(train, settings, cues);
            List<Example> payment = new ArrayList<>();
            List<Example> sums = new ArrayList<>();
            examples(train, cues, payment, sums);
            Model<Label> paymentModel = trainTribuo(payment);
            Model<Label> sumModel = trainTribuo(sums);
            for (LabelledSentence s : test) {
                List<String> tokens = Features.tokens(s.text());
                boolean paid = s.remedies().contains(Remedy.PAYMENT.name());
                double opennlpPaid = opennlp.remedyProbability(s.text(), tokens, Remedy.PAYMENT);
                double tribuoPaid = probability(paymentModel, SentenceModels.remedyFeatures(s.text(), tokens, cues));
                CrossValidation.add(scored, "remedy PAYMENT, OpenNLP maxent", paid, opennlpPaid);
                CrossValidation.add(scored, "remedy PAYMENT, Tribuo LR", paid, tribuoPaid);
                // Where the parser asks it: no sum printed, and a word that may ask for money.
                if (s.text().indexOf('£') < 0 && Screens.mayAskForMoney(s.text())) {
                    CrossValidation.add(scored, "no sum printed, OpenNLP", paid, opennlpPaid);
                    CrossValidation.add(scored, "no sum printed, Tribuo LR", paid, tribuoPaid);
                }
                for (SentenceModels.LabelledSum sum : SentenceModels.labelledSums(s, tokens, cues)) {
                    CrossValidation.add(scored, "sum is a payment, OpenNLP", sum.paid(),
                            opennlp.sumProbability(tokens, sum.at(), sum.cue()));
                    CrossValidation.add(scored, "sum is a payment, Tribuo LR", sum.paid(),
                            probability(sumModel, Features.ofSum(tokens, sum.at(), sum.cue())));
                }
            }
        }
        return String.format(Locale.ROOT, "%d-fold cross-validation, OpenNLP (settings %s) against Tribuo's "
                + "LogisticRegressionTrainer (its defaults), same folds and features%n", k, settings)
                + CrossValidation.grid(scored, Map.of());
    }

    /** A labelled set of features, as both learners are given it. */
    private record Example(boolean truth, String[] features) {
    }

    /** The same events the train command gives OpenNLP for these two questions. */
    private static void examples(List<LabelledSentence> train, Cues cues, List<Example> payment, List<Example> sums) {
        for (LabelledSentence s : train) {
            List<String> tokens = Features.tokens(s.text());
            payment.add(new Example(s.remedies().contains(Remedy.PAYMENT.name()),
                    SentenceModels.remedyFeatures(s.text(), tokens, cues)));
            for (SentenceModels.LabelledSum sum : SentenceModels.labelledSums(s, tokens, cues)) {
                sums.add(new Example(sum.paid(), Features.ofSum(tokens, sum.at(), sum.cue())));
            }
        }
    }

    private static Model<Label> trainTribuo(List<Example> examples) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("training folds", labels),
                labels);
        for (Example e : examples) {
            data.add(example(new Label(e.truth() ? YES : NO), e.features()));
        }
        return new LogisticRegressionTrainer().train(data);
    }

    private static double probability(Model<Label> model, String[] features) {
        Label yes = model.predict(example(LabelFactory.UNKNOWN_LABEL, features)).getOutputScores().get(YES);
        return yes == null ? 0 : yes.getScore();
    }

    /** Tribuo wants each feature once: a word seen twice counts twice, as OpenNLP counts it. */
    private static ArrayExample<Label> example(Label label, String[] features) {
        Map<String, Double> counts = new TreeMap<>();
        for (String f : features) {
            counts.merge(f, 1.0, Double::sum);
        }
        ArrayExample<Label> e = new ArrayExample<>(label);
        counts.forEach(e::add);
        return e;
    }
}
