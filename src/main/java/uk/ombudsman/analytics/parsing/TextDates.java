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
    /**
     * A date inside prose, with the word before it: month names are capitalised in prose, which keeps "may" the
     * verb out. A bare year counts only after "in" or "during" ("the Children Act 1989" is no date).
     */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?:\\b(?<prep>[A-Za-z]+)\\s+(?:(?:early|mid|late|mid-)\\s*|the (?:end|start|beginning|middle) of\\s+)?)?"
                    + "(?:(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<dmonth>" + MONTHS + ")\\.?,?\\s+(?<dyear>(?:19|20)\\d{2})"
                    + "|(?<month>" + MONTHS + ")\\.?\\s+(?<myear>(?:19|20)\\d{2})"
                    + "|(?<=\\b(?:in|In|during|During)\\s)(?<year>(?:19|20)\\d{2}))\\b");

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

    static List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            String prep = m.group("prep") == null ? "" : m.group("prep").toLowerCase(Locale.ROOT);
            LocalDate date;
            DatePrecision precision;
            int start;
            if (m.group("day") != null) {
                date = safeDate(Integer.parseInt(m.group("dyear")), month(m.group("dmonth")),
                        Integer.parseInt(m.group("day")));
                precision = DatePrecision.DAY;
                start = m.start("day");
            } else if (m.group("month") != null) {
                date = safeDate(Integer.parseInt(m.group("myear")), month(m.group("month")), 1);
                precision = DatePrecision.MONTH;
                start = m.start("month");
            } else {
                date = safeDate(Integer.parseInt(m.group("year")), 1, 1);
                precision = DatePrecision.YEAR;
                start = m.start("year");
                int before = Math.max(0, start - 7);
                prep = text.substring(before, start).strip().replaceAll(".*\\s", "").toLowerCase(Locale.ROOT);
            }
            if (date != null) {
                out.add(new Mention(date, precision, start, m.end(), prep));
            }
        }
        return out;
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
