package uk.ombudsman.analytics.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learned model sees of a sentence: its words, lower-cased, with sums, numbers and people's initials made
 * alike ("pay Mr X £300" and "pay Mrs B £1,250" read the same), as single words, pairs of neighbours and the
 * opening words. Features of one sum within a sentence add the words on either side of it, by distance.
 */
public final class Features {
    /** A sum's place among the tokens. */
    static final String MONEY = "<money>";
    private static final String NUMBER = "<num>";
    private static final String PERSON = "<person>";
    /** Words on either side of a sum that its features name by distance. */
    private static final int LEFT = 10;
    private static final int RIGHT = 8;

    private Features() {
    }

    /** The sentence's tokens: words lower-cased, "£1,250.50" as {@link #MONEY}, other numbers as one token. */
    public static List<String> tokens(String sentence) {
        List<String> out = new ArrayList<>(sentence.length() / 5 + 4);
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            char c = sentence.charAt(i);
            if (c == '£') {
                int j = i + 1;
                while (j < n && (Character.isDigit(sentence.charAt(j)) || sentence.charAt(j) == ','
                        || sentence.charAt(j) == '.' && j + 1 < n && Character.isDigit(sentence.charAt(j + 1))
                        || sentence.charAt(j) == ' ' && j == i + 1)) {
                    j++;
                }
                out.add(MONEY);
                i = Math.max(j, i + 1);
            } else if (Character.isLetter(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetter(sentence.charAt(j)) || sentence.charAt(j) == '-'
                        && j + 1 < n && Character.isLetter(sentence.charAt(j + 1)))) {
                    j++;
                }
                // "Mr X", "Mrs B", "Miss Q": a person by initial; a single capital after a title is the person.
                boolean initial = j == i + 1 && Character.isUpperCase(c) && !out.isEmpty() && isTitle(out.get(out.size() - 1));
                if (initial) {
                    out.set(out.size() - 1, PERSON);
                } else {
                    out.add(sentence.substring(i, j).toLowerCase(java.util.Locale.ROOT));
                }
                // "council's", "didn't": the ending is its own token.
                if (j + 1 < n && (sentence.charAt(j) == '\'' || sentence.charAt(j) == '’')
                        && Character.isLetter(sentence.charAt(j + 1))) {
                    int k = j + 1;
                    while (k < n && Character.isLetter(sentence.charAt(k))) {
                        k++;
                    }
                    String tail = sentence.substring(j + 1, k).toLowerCase(java.util.Locale.ROOT);
                    out.add(tail.equals("t") ? "not" : "'" + tail);
                    j = k;
                }
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isDigit(sentence.charAt(j)) || sentence.charAt(j) == ',')) {
                    j++;
                }
                out.add(NUMBER);
                i = j;
            } else {
                if (c == ';' || c == ':') {
                    out.add(String.valueOf(c));
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isTitle(String t) {
        return t.equals("mr") || t.equals("mrs") || t.equals("ms") || t.equals("miss") || t.equals("mx")
                || t.equals("dr");
    }

    /** A sentence's features for a sentence model: its words, and the cues given. */
    public static String[] ofSentence(List<String> tokens, List<String> cues) {
        List<String> f = new ArrayList<>(tokens.size() * 2 + 3 + cues.size());
        f.addAll(cues);
        for (int i = 0; i < tokens.size(); i++) {
            f.add("w=" + tokens.get(i));
            if (i + 1 < tokens.size()) {
                f.add("b=" + tokens.get(i) + "_" + tokens.get(i + 1));
            }
        }
        f.add("first=" + (tokens.isEmpty() ? "" : tokens.get(0)));
        f.add("start=" + (tokens.size() < 2 ? "" : tokens.get(0) + "_" + tokens.get(1)));
        return f.toArray(String[]::new);
    }

    /** Where each sum stands among a sentence's tokens. */
    public static List<Integer> moneyAt(List<String> tokens) {
        List<Integer> at = new ArrayList<>(2);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals(MONEY)) {
                at.add(i);
            }
        }
        return at;
    }

    /**
     * The features of the sum at token {@code at}: the words before it (the nearest three by distance, the rest as
     * a bag), the words after it likewise, the sentence's opening, and whether other sums stand before or after.
     */
    public static String[] ofSum(List<String> tokens, int at, String cue) {
        List<String> f = new ArrayList<>(LEFT + RIGHT + tokens.size() + 8);
        if (cue != null) {
            f.add(cue);
        }
        for (int d = 1; d <= LEFT && at - d >= 0; d++) {
            String w = tokens.get(at - d);
            f.add("l=" + w);
            if (d <= 3) {
                f.add("l" + d + "=" + w);
            }
            if (d == 1 && at - 2 >= 0) {
                f.add("lb=" + tokens.get(at - 2) + "_" + w);
            }
        }
        for (int d = 1; d <= RIGHT && at + d < tokens.size(); d++) {
            String w = tokens.get(at + d);
            f.add("r=" + w);
            if (d <= 3) {
                f.add("r" + d + "=" + w);
            }
            if (d == 1 && at + 2 < tokens.size()) {
                f.add("rb=" + w + "_" + tokens.get(at + 2));
            }
        }
        for (String t : tokens) {
            f.add("s=" + t);
        }
        f.add("first=" + tokens.get(0));
        boolean before = false;
        boolean after = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (i != at && tokens.get(i).equals(MONEY)) {
                before |= i < at;
                after |= i > at;
            }
        }
        f.add("sumBefore=" + before);
        f.add("sumAfter=" + after);
        return f.toArray(String[]::new);
    }
}
