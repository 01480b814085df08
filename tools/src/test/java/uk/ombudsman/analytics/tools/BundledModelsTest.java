package uk.ombudsman.analytics.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.reading.LabelledSentence;

/**
 * The models in the jar are exactly what the train command makes from the labelled data and today's code: a cue
 * or a label changed without retraining would leave the parser reading with models of another code (it happened
 * once: the payment model stayed trained on cues that had since changed).
 */
class BundledModelsTest {
    private static final Path RESOURCES = Path.of("job/src/main/resources/models");
    private static final Path READING = Path.of("job/src/test/resources/reading");

    @Test
    void retrainingFromTheLabelledDataGivesTheBundledModelsByteForByte(@TempDir Path out) throws IOException {
        TrainCommand.trainAll(LabelledSentence.load(READING.resolve("train/sentences.csv")),
                List.of(READING.resolve("train"), READING.resolve("extra")), false).writeTo(out);
        List<String> bundled = names(RESOURCES);
        assertEquals(bundled, names(out), "the same model files");
        for (String name : bundled) {
            assertArrayEquals(Files.readAllBytes(RESOURCES.resolve(name)), Files.readAllBytes(out.resolve(name)),
                    name + " differs from a retrained one: run the train command (README) and commit its models");
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin")).sorted().toList();
        }
    }
}
