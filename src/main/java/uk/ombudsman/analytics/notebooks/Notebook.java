package uk.ombudsman.analytics.notebooks;

import java.util.List;

/**
 * One analyst notebook: explanations in Markdown, and queries in Spark SQL over the report tables. Each query is
 * run when the notebook is exported, and its result is stored with it as a table or as a chart.
 */
record Notebook(String name, String title, List<Cell> cells) {

    sealed interface Cell permits Markdown, Query, Chart {
    }

    /** An explanation. */
    record Markdown(String text) implements Cell {
    }

    /** A query whose result is shown as a table (at most {@code maxRows} rows of it). */
    record Query(String sql, int maxRows) implements Cell {
    }

    /**
     * A query whose result is drawn. {@code plot} is the pandas/matplotlib line an analyst runs to redraw it;
     * the stored image is drawn in Java from the same result.
     */
    record Chart(String sql, ChartSpec spec, String plot) implements Cell {
    }
}
