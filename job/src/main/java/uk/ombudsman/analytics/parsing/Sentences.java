package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences at a full stop, question or exclamation mark followed by space and a capital,
 * digit or quote, keeping each sentence's offset in the paragraph.
 */
final class Sentences {
    /** Titles whose full stop does not end a sentence. */
    private static final Pattern ABBREVIATION = Pattern.compile("(?:\\b(?:Mr|Mrs|Ms|Dr|St|No|para|paras|e\\.g|i\\.e))\\.$");

    private Sentences() {
    }

    record Sentence(String text, int offset) {
    }

    static List<Sentence> split(String paragraph) {
        List<Sentence> out = new ArrayList<>(4);
        int n = paragraph.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int next = i + 1;
            while (next < n && Character.isWhitespace(paragraph.charAt(next))) {
                next++;
            }
            if (next == i + 1 || next >= n || !startsSentence(paragraph.charAt(next))) {
                continue;
            }
            String candidate = paragraph.substring(start, i + 1);
            if (ABBREVIATION.matcher(candidate).useTransparentBounds(true)
                    .region(Math.max(0, candidate.length() - 6), candidate.length()).find()) {
                continue;
            }
            out.add(new Sentence(candidate, start));
            start = next;
            i = next - 1;
        }
        if (start < n) {
            out.add(new Sentence(paragraph.substring(start), start));
        }
        return out;
    }

    /** A capital, digit, quote, bracket or pound sign: what a sentence starts with. */
    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\'' || c == '(' || c == '£';
    }
}
