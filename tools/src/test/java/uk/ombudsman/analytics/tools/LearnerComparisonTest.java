package uk.ombudsman.analytics.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.parsing.SentenceCues;
import uk.ombudsman.analytics.reading.LabelledSentence;
import uk.ombudsman.analytics.reading.LearnedModel;

class LearnerComparisonTest {
    /** Invented sentences: a payment asked for on every other page, so that each fold holds both answers. */
    private static List<LabelledSentence> invented() {
        List<LabelledSentence> out = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            String file = "invented/page-" + page + ".txt";
            boolean paid = page % 2 == 0;
            out.add(new LabelledSentence(file, 1, paid ? "The Council will apologise and make a symbolic payment."
                    : "The Council will apologise to Mr X.", paid ? List.of("APOLOGY", "PAYMENT") : List.of("APOLOGY"),
                    paid ? List.of("?|PAYMENT") : List.of(), "", "", ""));
            out.add(new LabelledSentence(file, 2, paid ? "It will pay Mr X £200 for his distress."
                    : "Mr X paid the Council £200 for the service.", paid ? List.of("PAYMENT") : List.of(),
                    List.of(paid ? "200|PAYMENT" : "200|COST_OR_CHARGE"), "", "", ""));
            // The delay and verdict models are trained beside the two compared: they need both answers too.
            out.add(new LabelledSentence(file, 3, paid ? "The Council delayed in deciding the application, which was "
                    + "fault." : "The Council took six weeks, which was not fault.", List.of(), List.of(),
                    paid ? "AT_FAULT" : "NOT_AT_FAULT", "", paid ? "UPHELD" : "NOT_UPHELD"));
        }
        return out;
    }

    @Test
    void bothLearnersAreScoredOnEachQuestionTheParserAsksAModel() {
        String report = LearnerComparison.report(invented(), LearnedModel.TRAINING, 5, SentenceCues.INSTANCE);
        List<String> rows = report.lines().filter(l -> l.startsWith("  ") && !l.contains("threshold"))
                .map(l -> l.substring(2, 34).strip()).toList();
        assertEquals(List.of("remedy PAYMENT, OpenNLP maxent", "remedy PAYMENT, Tribuo LR", "no sum printed, OpenNLP",
                "no sum printed, Tribuo LR", "sum is a payment, OpenNLP", "sum is a payment, Tribuo LR"), rows, report);
        // Both learners tell these invented sums apart at the parser's threshold, 0.5 (the grid's seventh column).
        for (String line : report.lines().filter(l -> l.startsWith("  sum is a payment")).toList()) {
            assertEquals("1.000/1.000", line.substring(34).strip().split("\\s+")[6], line);
        }
    }
}
