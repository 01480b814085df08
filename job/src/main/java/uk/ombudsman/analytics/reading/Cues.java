package uk.ombudsman.analytics.reading;

import java.util.List;

/**
 * Hand-written phrase rules, as features: what they read in a sentence and in each sum of it. The models learn how
 * far each cue can be trusted and what else in the words matters. Each model is given only its own cues, so that
 * reading a sentence for delay does not pay for the verdict's rules.
 */
public interface Cues {
    /** Adds the cues about delay and fault. */
    void ofDelay(String sentence, List<String> out);

    /** Adds the cues about what the Ombudsman decided. */
    void ofVerdict(String sentence, List<String> out);

    /** Adds the cues about remedies agreed or recommended. */
    void ofRemedy(String sentence, List<String> out);

    /** One cue per printed sum, in order. */
    List<String> ofSums(String sentence);

    /** No cues: the words alone. */
    Cues NONE = new Cues() {
        @Override
        public void ofDelay(String sentence, List<String> out) {
        }

        @Override
        public void ofVerdict(String sentence, List<String> out) {
        }

        @Override
        public void ofRemedy(String sentence, List<String> out) {
        }

        @Override
        public List<String> ofSums(String sentence) {
            return List.of();
        }
    };
}
