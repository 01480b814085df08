package uk.ombudsman.analytics.notebooks;

import java.util.List;

/**
 * What to draw from a query's columns.
 *
 * @param kind the kind of chart
 * @param title the chart's title
 * @param label the column naming each bar, line point or row
 * @param values the value columns: one series each; for {@link Kind#INTERVAL}: rate, low, high, peer rate;
 *     for {@link Kind#STACKED}: the series column, then the value column
 * @param axis the value axis label
 */
record ChartSpec(Kind kind, String title, String label, List<String> values, String axis) {
    enum Kind {
        /** Horizontal bars, one per row. */
        BARS,
        /** Vertical columns, one per row, in query order (a histogram's bins). */
        COLUMNS,
        /** Lines over the label column (years). */
        LINES,
        /** Horizontal bars stacked by a series column. */
        STACKED,
        /** A rate with its interval and a reference rate, one row per label. */
        INTERVAL
    }
}
