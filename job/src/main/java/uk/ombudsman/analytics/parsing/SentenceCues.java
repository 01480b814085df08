package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.List;
import uk.ombudsman.analytics.reading.Cues;

/** The phrase rules' readings of a sentence and of each sum in it, handed to the learned models as features. */
public final class SentenceCues implements Cues {
    public static final SentenceCues INSTANCE = new SentenceCues();

    private SentenceCues() {
    }

    @Override
    public void ofDelay(String sentence, List<String> out) {
        Findings.delayCues(sentence, out);
    }

    @Override
    public void ofVerdict(String sentence, List<String> out) {
        Findings.verdictCues(sentence, out);
    }

    @Override
    public void ofRemedy(String sentence, List<String> out) {
        RemedyKinds.cues(sentence, out);
    }

    @Override
    public List<String> ofSums(String sentence) {
        return ofSums(PaymentReader.read(sentence, null, ""));
    }

    /** One cue per sum the rules found: whether they read it as a payment. */
    static List<String> ofSums(PaymentReader.Sums sums) {
        List<String> out = new ArrayList<>(sums.sums().size());
        for (PaymentReader.Sum s : sums.sums()) {
            out.add(s.ruleSaysPaid() ? "c=counted" : "c=uncounted");
        }
        return out;
    }
}
