package uk.ombudsman.analytics.tools;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.parsing.MeasureExamples;
import uk.ombudsman.analytics.parsing.SentenceCues;
import uk.ombudsman.analytics.reading.CrossValidation;
import uk.ombudsman.analytics.reading.Cues;
import uk.ombudsman.analytics.reading.LabelledSentence;
import uk.ombudsman.analytics.reading.LearnedModel;
import uk.ombudsman.analytics.reading.RemediedBeforeModel;
import uk.ombudsman.analytics.reading.SentenceModels;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** {@code train}: the sentence models, from the reading set's training part only, into the job's resources. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the sentence models (delay, verdict, remedy kinds, sums' roles) on the labelled "
                + "sentences of the reading set's training part, print their 5-fold cross-validated scores, and "
                + "write them where the parser reads them. The held-out part is never read here."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--sentences", defaultValue = "job/src/test/resources/reading/train/sentences.csv", paramLabel = "CSV",
            description = "Labelled sentences (default: ${DEFAULT-VALUE}).")
    Path sentences;

    @Option(names = "--measures", split = ",", paramLabel = "DIR",
            defaultValue = "job/src/test/resources/reading/train,job/src/test/resources/reading/extra",
            description = "Parts of the reading set whose measures.csv labels train the remedied-before model "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Path> measures;

    @Option(names = "--out", defaultValue = "job/src/main/resources/models", paramLabel = "DIR",
            description = "Where the models go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-cv", description = "Skip the cross-validation.")
    boolean noCv;

    @Option(names = "--words-alone", description = "Cross-validate the models on the words alone too, without the "
            + "phrase rules' cues.")
    boolean wordsAlone;

    @Option(names = "--tribuo", description = "Cross-validate Tribuo's logistic regression against OpenNLP's "
            + "maximum entropy on the same folds and features; no models are written.")
    boolean tribuo;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A training setting to try instead of the "
            + "project's (e.g. L2Cost=0.1); cross-validation only, no models are written.")
    Map<String, String> trying = new LinkedHashMap<>();

    /**
     * Every model the parser uses, trained as the jar's were: the sentence models on the labelled sentences, then the
     * remedied-before model on the labelled pages, read by a parser with the sentence models just trained.
     */
    static SentenceModels trainAll(List<LabelledSentence> sentences, List<Path> measureParts, boolean crossValidate)
            throws java.io.IOException {
        SentenceModels models = SentenceModels.train(sentences, LearnedModel.TRAINING, SentenceCues.INSTANCE);
        MeasureExamples pages = MeasureExamples.load(measureParts, new DecisionParser(CouncilDirectory.bundled(),
                models));
        System.out.print(pages.summary());
        if (crossValidate) {
            // train/ is the part drawn at random (reading/README.md): the one to choose the threshold on.
            System.out.print(RemediedBeforeModel.crossValidate(pages.examples(), RemediedBeforeModel.TRAINING, 5,
                    "train"));
        }
        return models.withRemediedBefore(RemediedBeforeModel.train(pages.examples(), RemediedBeforeModel.TRAINING));
    }

    @Override
    public Integer call() throws Exception {
        List<LabelledSentence> data = LabelledSentence.load(sentences);
        Map<String, String> settings = new LinkedHashMap<>(LearnedModel.TRAINING);
        settings.putAll(trying);
        if (wordsAlone) {
            System.out.print(CrossValidation.report(data, settings, 5, Cues.NONE));
        }
        if (!noCv) {
            System.out.print(CrossValidation.report(data, settings, 5, SentenceCues.INSTANCE));
        }
        if (tribuo) {
            System.out.print(LearnerComparison.report(data, settings, 5, SentenceCues.INSTANCE));
        }
        if (!trying.isEmpty() || tribuo) {
            return 0;
        }
        SentenceModels models = trainAll(data, measures, !noCv);
        models.writeTo(out);
        System.out.printf("%d sentences; models written to %s%n", data.size(), out);
        return 0;
    }
}
