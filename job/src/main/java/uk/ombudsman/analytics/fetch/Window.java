package uk.ombudsman.analytics.fetch;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One month of decision dates, searched as one query: a month holds a few hundred decisions, tens of result pages,
 * never near a pagination ceiling (LDH walks the site the same way).
 *
 * @param from the search's {@code fd}
 * @param to the search's {@code td}: the first day of the next month, so that a month's last day is searched
 *     whether the site reads {@code td} as inclusive or not (which is not known); a decision dated on the first of
 *     a month can then be listed by two windows, and is fetched once
 */
public record Window(YearMonth month, LocalDate from, LocalDate to) {
    static List<Window> between(LocalDate from, LocalDate to) {
        List<Window> windows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate end = m.plusMonths(1).atDay(1).isAfter(to) ? to : m.plusMonths(1).atDay(1);
            windows.add(new Window(m, start, end));
        }
        return windows;
    }

    /** A whole month, searched again on its own. */
    static Window of(YearMonth month) {
        return new Window(month, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * The window in two, overlapping on the middle day (whether the search's {@code td} is inclusive is not known);
     * none when the window is a day or two, which cannot be split further.
     */
    List<Window> halves() {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 2) {
            return List.of();
        }
        LocalDate middle = from.plusDays(days / 2);
        return List.of(new Window(month, from, middle), new Window(month, middle, to));
    }

    /** The search's address for one page of results. */
    String url(int page) {
        return Fetcher.SEARCH + "?fd=" + from + "&td=" + to + "&page=" + page;
    }
}
