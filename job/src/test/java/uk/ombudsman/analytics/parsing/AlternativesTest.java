package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.reading.LabelledSentence;

class AlternativesTest {
    /** Real sentences: the reading set's training part and every line of the bundled seeds. */
    private static List<String> realSentences() throws IOException {
        List<String> out = new ArrayList<>();
        LabelledSentence.load(Path.of("job/src/test/resources/reading/train/sentences.csv")).forEach(s -> out.add(s.text()));
        try (Stream<Path> seeds = Files.list(SeedTruthTest.SEEDS)) {
            for (Path seed : seeds.toList()) {
                out.addAll(Files.readAllLines(seed));
            }
        }
        return out;
    }

    @Test
    void eachPatternFindsInRealSentencesExactlyWhatItsAlternativesAsOnePatternFind() throws IOException {
        Map<String, Alternatives> patterns = Map.of("action", RemedyKinds.ACTION, "improvement",
                RemedyKinds.SERVICE_IMPROVEMENT);
        List<String> sentences = realSentences();
        for (Map.Entry<String, Alternatives> p : patterns.entrySet()) {
            Pattern whole = p.getValue().asOnePattern();
            int found = 0;
            for (String s : sentences) {
                boolean expected = whole.matcher(s).find();
                assertEquals(expected, p.getValue().find(s), p.getKey() + ": " + s);
                found += expected ? 1 : 0;
            }
            // Enough sentences on each side for the comparison to mean something.
            assertTrue(found > 100 && found < sentences.size() - 100, p.getKey() + " found in " + found);
        }
    }

    @Test
    void anAlternativeRunsOnlyWhereItsWordIs() {
        // Invented: the word given is not one the pattern needs, so a match without it is not looked for.
        Alternatives a = new Alternatives(Pattern.CASE_INSENSITIVE).or("\\bapolog\\w*", "sorry");
        assertFalse(a.find("The Council will apologise."));
        assertTrue(a.find("The Council is SORRY and will apologise."));
    }
}
