package uk.ombudsman.analytics.parsing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.ombudsman.analytics.reading.RemediedBeforeModel;
import uk.ombudsman.analytics.record.DecisionRecord;

/**
 * The remedied-before model's training examples, from a part of the reading set ({@code measures.csv} and its
 * pages): each sentence in the Ombudsman's own words that {@link Measures#mayTellRemedied} lets through, read as
 * the parser reads it, marked where the page's reader gave it as the evidence of a page labelled TRUE. Pages
 * labelled UNKNOWN teach nothing and are left out; so is a TRUE page whose evidence matches none of its sentences
 * (it would teach that its evidence is not one). {@link #summary} counts both those pages and the evidence
 * sentences the screen keeps from the model.
 */
public final class MeasureExamples {
    private final List<RemediedBeforeModel.Example> examples = new ArrayList<>();
    private int pages;
    private int truePages;
    private int unmatchedPages;
    private int screenedEvidence;

    private MeasureExamples() {
    }

    /**
     * @param parser a parser with the sentence models (the outcome and remedies it reads are the page's cues, as
     *               in the parser itself)
     */
    public static MeasureExamples load(List<Path> parts, DecisionParser parser) throws IOException {
        MeasureExamples out = new MeasureExamples();
        for (Path part : parts) {
            try (Reader r = Files.newBufferedReader(part.resolve("measures.csv"), StandardCharsets.UTF_8)) {
                for (CSVRecord label : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(r)) {
                    out.add(part.getFileName() + "/" + label.get("file"), label,
                            Files.readAllBytes(part.resolve("passages").resolve(label.get("file"))), parser);
                }
            }
        }
        return out;
    }

    private void add(String page, CSVRecord label, byte[] bytes, DecisionParser parser) {
        String truth = label.get("remedied_before");
        ParseResult parsed = parser.parse(page, bytes);
        if (truth.equals("UNKNOWN") || !parsed.isDecision()) {
            return;
        }
        DecisionRecord d = parsed.decision();
        List<String> ombudsmans = Measures.ombudsmans(DecisionDocument.read(InputDecoder.decode(bytes).text()));
        List<String> evidence = new ArrayList<>();
        if (truth.equals("TRUE")) {
            for (String e : label.get("evidence").split(" \\|\\| ")) {
                String plain = DecisionDocument.normalise(e).replaceFirst("^Summary:\\s*", "");
                if (plain.length() > 10) {
                    evidence.add(plain);
                }
            }
        }
        List<String> lowered = Measures.lowered(ombudsmans);
        List<String> pageCues = Measures.remediedPageCues(ombudsmans, lowered, d.getOutcome(),
                Measures.namesARemedyKind(d.getRemedies()));
        List<RemediedBeforeModel.Example> found = new ArrayList<>();
        boolean matched = false;
        for (int i = 0; i < ombudsmans.size(); i++) {
            String s = ombudsmans.get(i);
            boolean isEvidence = evidence.stream().anyMatch(e -> e.contains(s) || s.contains(e));
            matched |= isEvidence;
            if (Measures.mayTellRemedied(lowered.get(i))) {
                found.add(new RemediedBeforeModel.Example(page, s, Measures.remediedCues(s, lowered.get(i), pageCues),
                        isEvidence));
            } else if (isEvidence) {
                screenedEvidence++; // evidence the screen keeps from the model: it never sees it
            }
        }
        if (truth.equals("TRUE") && !matched) {
            unmatchedPages++;
            return;
        }
        pages++;
        truePages += truth.equals("TRUE") ? 1 : 0;
        examples.addAll(found);
    }

    public List<RemediedBeforeModel.Example> examples() {
        return examples;
    }

    /** A line for the train command: what the examples hold, and the evidence that reached no example. */
    public String summary() {
        return String.format("remedied_before: %d pages (%d TRUE), %d sentences; TRUE pages left out (evidence "
                + "matches no sentence): %d; evidence sentences the screen keeps from the model: %d%n", pages, truePages,
                examples.size(), unmatchedPages, screenedEvidence);
    }
}
