package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.reading.Screens;

/**
 * A pattern of many alternatives, each tried only where the text holds one of the words every match of it contains.
 * One alternation is tried at every word of a sentence, alternative by alternative; most sentences hold the words of
 * none or one, so this finds what the alternation finds for a fraction of the work.
 */
final class Alternatives {
    private final int flags;
    private final List<String[]> words = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    Alternatives(int flags) {
        this.flags = flags;
    }

    /** Adds an alternative; each of its matches contains one of {@code words}, given in lower case. */
    Alternatives or(String regex, String... words) {
        this.words.add(words);
        patterns.add(Pattern.compile(regex, flags));
        return this;
    }

    boolean find(String text) {
        return find(text, text.toLowerCase(Locale.ROOT));
    }

    /** Whether any alternative is found in {@code text}; {@code lower} is {@code text} in lower case. */
    boolean find(String text, String lower) {
        for (int i = 0; i < patterns.size(); i++) {
            if (Screens.containsAny(lower, words.get(i)) && patterns.get(i).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The alternatives as one pattern: what {@link #find} must agree with (its test compares the two). */
    Pattern asOnePattern() {
        List<String> regexes = patterns.stream().map(Pattern::pattern).toList();
        return Pattern.compile("(?:" + String.join("|", regexes) + ")", flags);
    }
}
