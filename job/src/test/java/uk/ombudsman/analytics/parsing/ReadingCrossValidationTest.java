package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.ombudsman.analytics.reading.LabelledSentence;
import uk.ombudsman.analytics.reading.LearnedModel;
import uk.ombudsman.analytics.reading.SentenceModels;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * Whole pages read by models that never saw them, without touching the held-out part: the training part's pages in
 * five folds, the models trained on four and the parser scored on the fifth. How a change to the reading is judged
 * before it is scored once on the held-out part. A minute's work, so on demand only:
 * {@code mvn test -pl job -Dtest=ReadingCrossValidationTest -Dreading.cv=true} (the table goes to job/target/reading-cv.txt).
 */
@EnabledIfSystemProperty(named = "reading.cv", matches = "true")
class ReadingCrossValidationTest {
    private static final int FOLDS = 5;

    @Test
    void pagesOfTheTrainingPartReadByModelsTrainedWithoutThem() throws IOException {
        Path train = ReadingSetTest.DIR.resolve("train");
        List<GoldSet.Passage> pages = GoldSet.load(train);
        List<LabelledSentence> sentences = LabelledSentence.load(train.resolve("sentences.csv"));
        FieldScores all = null;
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            Set<String> held = pages.stream().filter(p -> Math.floorMod(p.file().hashCode(), FOLDS) == f)
                    .map(GoldSet.Passage::file).collect(Collectors.toSet());
            List<LabelledSentence> rest = new ArrayList<>();
            sentences.stream().filter(s -> !held.contains(s.file())).forEach(rest::add);
            DecisionParser parser = new DecisionParser(CouncilDirectory.bundled(),
                    SentenceModels.train(rest, LearnedModel.TRAINING, SentenceCues.INSTANCE));
            FieldScores scores = new FieldScores(pages.stream().filter(p -> held.contains(p.file())).toList(), parser);
            if (all == null) {
                all = scores;
            } else {
                all.add(scores);
            }
        }
        String table = all.table("Training part, " + FOLDS + "-fold cross-validation by page");
        System.out.print(table);
        Files.writeString(Path.of("job/target/reading-cv.txt"), table + "\n" + String.join("\n", all.misses) + "\n",
                StandardCharsets.UTF_8);
        assertTrue(all.passages == pages.size(), "every page scored once");
    }
}
