package uk.ombudsman.analytics.export;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one CSV file with a header. Large tables never come to the driver: executors format and write sorted
 * parts, then the parts are streamed in order into the single file. Small ones (the reports) are written from
 * rows already on the driver.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /**
     * Below this many rows a table is sorted by Spark and brought to the driver to be written: one job instead of a
     * distributed write and a concatenation, which dominate a small run.
     */
    public static final long SMALL_TABLE_ROWS = 20_000;

    /**
     * A table of any size, sorted by the given columns. {@code rowsAtMost} is what the caller knows of its size
     * (use {@code Long.MAX_VALUE} when nothing is known).
     */
    public static void write(Dataset<Row> data, String[] sortBy, Path target, FileSystem fs, long rowsAtMost)
            throws IOException {
        org.apache.spark.sql.Column[] order = Arrays.stream(sortBy).map(c -> data.col(c).asc_nulls_first())
                .toArray(org.apache.spark.sql.Column[]::new);
        if (rowsAtMost <= SMALL_TABLE_ROWS) {
            // Sorted in one partition: a global sort would first run a job to sample the range boundaries.
            Dataset<Row> one = data.coalesce(1);
            write((order.length == 0 ? one : one.sortWithinPartitions(order)).collectAsList(), data.schema(), target,
                    fs);
            return;
        }
        Dataset<Row> sorted = sortBy.length == 0 ? data : data.sort(order);
        CsvCells cells = new CsvCells(data.schema());
        Path parts = new Path(target.getParent(), "._" + target.getName() + ".parts");
        sorted.map((MapFunction<Row, String>) cells::line, Encoders.STRING())
                .write().mode(SaveMode.Overwrite).option("lineSep", "\r\n").text(parts.toString());
        try (OutputStream out = fs.create(target, true)) {
            out.write((CsvCells.header(data.schema()) + "\r\n").getBytes(StandardCharsets.UTF_8));
            FileStatus[] files = fs.listStatus(parts, p -> p.getName().startsWith("part-"));
            Arrays.sort(files, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
            for (FileStatus f : files) {
                try (FSDataInputStream in = fs.open(f.getPath())) {
                    IOUtils.copyBytes(in, out, 1 << 16, false);
                }
            }
        }
        fs.delete(parts, true);
    }

    /** Rows already on the driver, in the order given. */
    public static void write(List<Row> rows, StructType schema, Path target, FileSystem fs) throws IOException {
        CsvCells cells = new CsvCells(schema);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(target, true), StandardCharsets.UTF_8))) {
            out.write(CsvCells.header(schema));
            out.write("\r\n");
            for (Row row : rows) {
                out.write(cells.line(row));
                out.write("\r\n");
            }
        }
    }
}
