package uk.ombudsman.analytics.notebooks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/** Draws a query result as a PNG with JFreeChart, headless, in one plain house style. */
final class Charts {
    private static final int WIDTH = 900;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static byte[] png(ChartSpec spec, List<Row> rows) {
        CategoryPlot plot = switch (spec.kind()) {
            case BARS, COLUMNS -> bars(spec, rows);
            case LINES -> lines(spec, rows);
            case STACKED -> stacked(spec, rows);
            case INTERVAL -> interval(spec, rows);
        };
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.getRangeAxis().setTickLabelFont(FONT);
        boolean legend = spec.kind() == ChartSpec.Kind.INTERVAL || plot.getDataset().getRowCount() > 1;
        JFreeChart chart = new JFreeChart(null, FONT, plot, legend);
        chart.setTitle(new TextTitle(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        int categories = plot.getDataset().getColumnCount();
        int height = spec.kind() == ChartSpec.Kind.COLUMNS || spec.kind() == ChartSpec.Kind.LINES ? 420
                : Math.max(300, 110 + 24 * categories);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static CategoryPlot bars(ChartSpec spec, List<Row> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row r : rows) {
            for (String v : spec.values()) {
                data.addValue(number(r, v), v, label(r, spec.label()));
            }
        }
        BarRenderer renderer = new BarRenderer();
        style(renderer);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis(spec), renderer);
        plot.setOrientation(spec.kind() == ChartSpec.Kind.COLUMNS ? PlotOrientation.VERTICAL
                : PlotOrientation.HORIZONTAL);
        return plot;
    }

    private static CategoryPlot lines(ChartSpec spec, List<Row> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row r : rows) {
            for (String v : spec.values()) {
                data.addValue(number(r, v), v, label(r, spec.label()));
            }
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < spec.values().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis(spec), renderer);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        return plot;
    }

    private static CategoryPlot stacked(ChartSpec spec, List<Row> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = spec.values().get(0);
        String value = spec.values().get(1);
        for (Row r : rows) {
            data.addValue(number(r, value), label(r, series), label(r, spec.label()));
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        style(renderer);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis(spec), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return plot;
    }

    /** The interval as a thin bar from low to high, the rate and the peers' rate as marks on it. */
    private static CategoryPlot interval(ChartSpec spec, List<Row> rows) {
        List<String> v = spec.values();
        int n = rows.size();
        Number[][] low = new Number[1][n];
        Number[][] high = new Number[1][n];
        String[] labels = new String[n];
        DefaultCategoryDataset points = new DefaultCategoryDataset();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            labels[i] = label(r, spec.label());
            low[0][i] = number(r, v.get(1));
            high[0][i] = number(r, v.get(2));
            points.addValue(number(r, v.get(0)), "uphold rate", labels[i]);
            points.addValue(number(r, v.get(3)), "peer rate", labels[i]);
        }
        DefaultIntervalCategoryDataset intervals =
                new DefaultIntervalCategoryDataset(new String[] {"95% interval"}, labels, low, high);
        IntervalBarRenderer bars = new IntervalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.35);
        bars.setSeriesPaint(0, new Color(0xb8d3ea));
        CategoryPlot plot = new CategoryPlot(intervals, new CategoryAxis(), axis(spec), bars);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesPaint(0, PALETTE[0]);
        marks.setSeriesPaint(1, PALETTE[3]);
        plot.setDataset(1, points);
        plot.setRenderer(1, marks);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // marks on top of the interval bars
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        return plot;
    }

    private static void style(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
        }
    }

    private static NumberAxis axis(ChartSpec spec) {
        NumberAxis axis = new NumberAxis(spec.axis());
        axis.setLabelFont(FONT);
        return axis;
    }

    private static String label(Row r, String column) {
        Object v = r.get(r.fieldIndex(column));
        return v == null ? "(none)" : v.toString();
    }

    private static Number number(Row r, String column) {
        Object v = r.get(r.fieldIndex(column));
        return v == null ? null : ((Number) v).doubleValue();
    }
}
