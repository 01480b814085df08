package uk.ombudsman.analytics.notebooks;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import uk.ombudsman.analytics.export.CsvCells;
import uk.ombudsman.analytics.reports.Report;

/**
 * Writes the analyst notebooks from a job's output: for each, a Jupyter notebook (nbformat 4) whose code cells
 * hold the Spark SQL behind every table and chart and whose outputs are already rendered (tables as HTML and
 * text, charts as PNG), an HTML copy, and each chart as a PNG file. Every query runs here, with Spark, on the
 * output's Parquet, so what a notebook shows is what its code gives.
 */
public final class NotebookExporter {
    /** The views the queries may use: every report, and the decisions. */
    static final String DECISIONS_VIEW = "decisions";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NotebookExporter() {
    }

    /**
     * @param output a job output folder (local path or Hadoop URI)
     * @param describe one line saying what the output was made from, for the notebooks' header
     * @return the files written
     */
    public static List<Path> export(SparkSession spark, String output, Path outDir, String describe)
            throws IOException {
        registerViews(spark, output);
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (Notebook nb : Notebooks.all()) {
            written.addAll(write(spark, nb, outDir, describe));
        }
        return written;
    }

    /** Registers the output's Parquet tables as the views the notebooks' SQL names. */
    public static void registerViews(SparkSession spark, String output) {
        for (Report r : Report.values()) {
            spark.read().parquet(output + "/reports/" + r.folder()).createOrReplaceTempView(r.folder());
        }
        spark.read().parquet(output + "/" + DECISIONS_VIEW).createOrReplaceTempView(DECISIONS_VIEW);
    }

    /** Every query of every notebook, for checking them against a schema. */
    public static List<String> allQueries() {
        List<String> sql = new ArrayList<>();
        for (Notebook nb : Notebooks.all()) {
            for (Notebook.Cell c : nb.cells()) {
                if (c instanceof Notebook.Query q) {
                    sql.add(q.sql());
                } else if (c instanceof Notebook.Chart ch) {
                    sql.add(ch.sql());
                }
            }
        }
        return sql;
    }

    private static List<Path> write(SparkSession spark, Notebook nb, Path outDir, String describe)
            throws IOException {
        ArrayNode cells = JSON.arrayNode();
        StringBuilder html = new StringBuilder();
        List<Path> written = new ArrayList<>();
        String intro = "# " + nb.title() + "\n\nMade by `jobs/export-notebooks.sh` from " + describe
                + ". Every table and chart below is the result of the Spark SQL in the cell above it, run on the "
                + "job's Parquet output; run the cells on your own output to refresh them.";
        markdown(cells, html, intro);
        int count = 0;
        code(cells, html, ++count, setupCode(), null, null);
        int chartNo = 0;
        for (Notebook.Cell cell : nb.cells()) {
            if (cell instanceof Notebook.Markdown m) {
                markdown(cells, html, m.text());
            } else if (cell instanceof Notebook.Query q) {
                Dataset<Row> result = spark.sql(q.sql());
                List<Row> rows = result.limit(q.maxRows() + 1).collectAsList();
                code(cells, html, ++count, "spark.sql(\"\"\"\n" + q.sql() + "\n\"\"\").toPandas()",
                        table(result.schema(), rows, q.maxRows()), null);
            } else if (cell instanceof Notebook.Chart c) {
                List<Row> rows = spark.sql(c.sql()).collectAsList();
                byte[] png = Charts.png(c.spec(), rows);
                Path file = outDir.resolve(nb.name() + "-chart-" + (++chartNo) + ".png");
                Files.write(file, png);
                written.add(file);
                code(cells, html, ++count, "df = spark.sql(\"\"\"\n" + c.sql() + "\n\"\"\").toPandas()\n" + c.plot(),
                        null, png);
            }
        }
        ObjectNode notebook = JSON.objectNode();
        notebook.set("cells", cells);
        ObjectNode metadata = notebook.putObject("metadata");
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("display_name", "Python 3 (PySpark)");
        kernel.put("language", "python");
        kernel.put("name", "python3");
        metadata.putObject("language_info").put("name", "python");
        metadata.put("title", nb.title());
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 4);
        Path ipynb = outDir.resolve(nb.name() + ".ipynb");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        Files.writeString(ipynb, MAPPER.writer(pretty).writeValueAsString(notebook) + "\n", StandardCharsets.UTF_8);
        Path page = outDir.resolve(nb.name() + ".html");
        Files.writeString(page, Html.page(nb.title(), html.toString()), StandardCharsets.UTF_8);
        written.add(ipynb);
        written.add(page);
        return written;
    }

    private static String setupCode() {
        StringBuilder names = new StringBuilder();
        for (Report r : Report.values()) {
            names.append(names.length() == 0 ? "" : ", ").append('"').append(r.folder()).append('"');
        }
        return "# The job's output as Spark SQL views: one per report, and the decisions.\n"
                + "from pyspark.sql import SparkSession\n"
                + "spark = SparkSession.builder.appName(\"lgsco-notebook\").getOrCreate()\n"
                + "OUTPUT = \"output\"  # the folder jobs/run-local.sh writes, or ROOT/latest of a nightly run\n"
                + "for name in [" + names + "]:\n"
                + "    spark.read.parquet(f\"{OUTPUT}/reports/{name}\").createOrReplaceTempView(name)\n"
                + "spark.read.parquet(f\"{OUTPUT}/decisions\").createOrReplaceTempView(\"decisions\")";
    }

    private static void markdown(ArrayNode cells, StringBuilder html, String text) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "markdown");
        cell.putObject("metadata");
        cell.set("source", lines(text));
        html.append("<section class=\"md\">")
                .append(HtmlRenderer.builder().build().render(Parser.builder().build().parse(text)))
                .append("</section>\n");
    }

    /** A code cell with, optionally, a table result or a chart. */
    private static void code(ArrayNode cells, StringBuilder html, int count, String source, Table table,
            byte[] png) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "code");
        cell.put("execution_count", count);
        cell.putObject("metadata");
        ArrayNode outputs = cell.putArray("outputs");
        cell.set("source", lines(source));
        html.append("<div class=\"in\"><span class=\"prompt\">In [").append(count).append("]:</span><pre><code>")
                .append(Html.escape(source)).append("</code></pre></div>\n");
        if (table != null) {
            ObjectNode out = outputs.addObject();
            out.put("output_type", "execute_result");
            out.put("execution_count", count);
            ObjectNode data = out.putObject("data");
            data.set("text/html", lines(table.html()));
            data.set("text/plain", lines(table.text()));
            out.putObject("metadata");
            html.append("<div class=\"out\">").append(table.html()).append("</div>\n");
        }
        if (png != null) {
            String base64 = Base64.getEncoder().encodeToString(png);
            ObjectNode out = outputs.addObject();
            out.put("output_type", "display_data");
            ObjectNode data = out.putObject("data");
            data.put("image/png", base64);
            data.set("text/plain", lines("<chart>"));
            out.putObject("metadata");
            html.append("<div class=\"out\"><img alt=\"chart\" src=\"data:image/png;base64,").append(base64)
                    .append("\"></div>\n");
        }
    }

    /** nbformat's multi-line strings: one entry per line, each but the last ending in a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode a = JSON.arrayNode();
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            a.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
        }
        return a;
    }

    /** A query result as an HTML table and as aligned text, as pandas shows a DataFrame. */
    private record Table(String html, String text) {
    }

    private static Table table(StructType schema, List<Row> rows, int maxRows) {
        StructField[] fields = schema.fields();
        List<String[]> cells = new ArrayList<>();
        String[] header = schema.fieldNames();
        cells.add(header);
        for (Row r : rows.subList(0, Math.min(rows.size(), maxRows))) {
            String[] line = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                line[i] = r.isNullAt(i) ? "" : CsvCells.plain(r.get(i), fields[i].dataType());
            }
            cells.add(line);
        }
        boolean more = rows.size() > maxRows;
        StringBuilder h = new StringBuilder("<table class=\"dataframe\">\n<thead><tr>");
        for (String c : header) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (String[] line : cells.subList(1, cells.size())) {
            h.append("<tr>");
            for (String c : line) {
                h.append("<td>").append(Html.escape(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>");
        if (more) {
            h.append("\n<p>… first ").append(maxRows).append(" rows shown</p>");
        }
        int[] width = new int[header.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.min(40, Math.max(width[i], line[i].length()));
            }
        }
        StringBuilder t = new StringBuilder();
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                String c = line[i].length() > 40 ? line[i].substring(0, 39) + "…" : line[i];
                t.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", c));
            }
            t.append('\n');
        }
        if (more) {
            t.append("… first ").append(maxRows).append(" rows shown\n");
        }
        return new Table(h.toString(), t.toString().stripTrailing());
    }
}
