package uk.ombudsman.analytics.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.record.DatePrecision;

/** Dates as decisions write them: {@code 17 Jan 2025}, {@code 17 January 2025}, {@code August 2022}, {@code in 2022}. */
final class TextDates {
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    /** A whole date, as in the header line; month names in any case. */
    private static final Pattern FULL_DATE = Pattern.compile(
            "^(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})$", Pattern.CASE_INSENSITIVE);
    private static final java.util.Set<String> MONTH_WORDS = java.util.Set.of(MONTHS.split("\\|"));
    private static final java.util.Set<String> SKIPPED_BEFORE_DATE = java.util.Set.of("early", "mid", "late", "the",
            "end", "start", "beginning", "middle", "of");

    private TextDates() {
    }

    /** A date mentioned in text: where, how precise, and the word before it ("in", "on", "until" ...). */
    record Mention(LocalDate date, DatePrecision precision, int start, int end, String preposition) {
        LocalDate lastDay() {
            return switch (precision) {
                case DAY -> date;
                case MONTH -> date.plusMonths(1).minusDays(1);
                case YEAR -> date.plusYears(1).minusDays(1);
            };
        }

        boolean contains(Mention other) {
            return !other.date.isBefore(date) && !other.date.isAfter(lastDay());
        }
    }

    /** A header date such as {@code 17 Jan 2025}; null when it is not one. */
    static LocalDate parseFull(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = FULL_DATE.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        return safeDate(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
    }

    /** Whether the text has a digit: without one it holds no date, and the costlier readings can be skipped. */
    static boolean mayHoldDate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static List<Mention> find(String text) {
        return find(text, Integer.MAX_VALUE);
    }

    /** The first date mentioned, or null: what a paragraph's leading date is read from. */
    static Mention first(String text) {
        List<Mention> one = find(text, 1);
        return one.isEmpty() ? null : one.get(0);
    }

    private static List<Mention> find(String text, int most) {
        List<Mention> out = new ArrayList<>(Math.min(most, 4));
        int n = text.length();
        for (int i = 0; i < n && out.size() < most; i++) {
            if (!isDigit(text.charAt(i))) {
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            boolean year = i - start == 4 && (text.startsWith("19", start) || text.startsWith("20", start))
                    && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                    && (i == n || !Character.isLetterOrDigit(text.charAt(i)));
            if (year) {
                Mention m = mentionEndingAt(text, start, i);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * Reads backwards from a year: the month (capitalised, which keeps "may" the verb out), perhaps a day, perhaps
     * "early"/"the end of", and the word before all that. A bare year counts only after "in" or "during" (the
     * Children Act 1989 is no date). Hand-written because it runs for every year in every decision.
     */
    private static Mention mentionEndingAt(String text, int yearStart, int yearEnd) {
        int year = Integer.parseInt(text, yearStart, yearEnd, 10);
        int p = skipBack(text, yearStart, " ,.");
        if (p == yearStart) {
            return null;
        }
        int wordStart = wordStart(text, p);
        String word = text.substring(wordStart, p);
        Integer month = wordStart < p && Character.isUpperCase(word.charAt(0)) && MONTH_WORDS.contains(word)
                ? MONTH_NUMBERS.get(word.substring(0, 3).toLowerCase(Locale.ROOT)) : null;
        if (month == null) {
            String prep = word.toLowerCase(Locale.ROOT);
            if (prep.equals("in") || prep.equals("during")) {
                return new Mention(LocalDate.of(year, 1, 1), DatePrecision.YEAR, yearStart, yearEnd, prep);
            }
            return null;
        }
        int start = wordStart;
        Integer day = null;
        int q = skipBack(text, wordStart, " ");
        if (q < wordStart) {
            int tokenStart = wordStart(text, q);
            String token = text.substring(tokenStart, q).toLowerCase(Locale.ROOT);
            String digits = token.replaceFirst("(st|nd|rd|th)$", "");
            if (!digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(Character::isDigit)) {
                day = Integer.parseInt(digits);
                start = tokenStart;
                q = skipBack(text, tokenStart, " ");
            }
        }
        String prep = precedingWord(text, q < start ? q : start);
        LocalDate date = safeDate(year, month, day == null ? 1 : day);
        return date == null ? null
                : new Mention(date, day == null ? DatePrecision.MONTH : DatePrecision.DAY, start, yearEnd, prep);
    }

    /** The word before a date, looking past "early", "mid", "late" and "the end/start/beginning/middle of". */
    private static String precedingWord(String text, int end) {
        int p = end;
        for (int hops = 0; hops < 4; hops++) {
            int ws = wordStart(text, p);
            if (ws == p) {
                return "";
            }
            String w = text.substring(ws, p).toLowerCase(Locale.ROOT);
            if (!SKIPPED_BEFORE_DATE.contains(w)) {
                return w;
            }
            p = skipBack(text, ws, " -");
        }
        return "";
    }

    private static int skipBack(String text, int from, String chars) {
        int p = from;
        while (p > 0 && chars.indexOf(text.charAt(p - 1)) >= 0) {
            p--;
        }
        return p;
    }

    private static int wordStart(String text, int end) {
        int p = end;
        while (p > 0 && Character.isLetterOrDigit(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int month(String name) {
        return MONTH_NUMBERS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
