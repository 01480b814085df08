package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a paragraph into sentences, keeping each sentence's offset in the paragraph. */
final class Sentences {
    /** A full stop, question or exclamation mark followed by space and a capital, digit or quote. */
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(£])");
    /** Titles whose full stop does not end a sentence. */
    private static final Pattern ABBREVIATION = Pattern.compile("(?:\\b(?:Mr|Mrs|Ms|Dr|St|No|para|paras|e\\.g|i\\.e))\\.$");

    private Sentences() {
    }

    record Sentence(String text, int offset) {
    }

    static List<Sentence> split(String paragraph) {
        List<Sentence> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (m.find()) {
            String candidate = paragraph.substring(start, m.start());
            if (ABBREVIATION.matcher(candidate).find()) {
                continue;
            }
            out.add(new Sentence(candidate, start));
            start = m.end();
        }
        if (start < paragraph.length()) {
            out.add(new Sentence(paragraph.substring(start), start));
        }
        return out;
    }
}
