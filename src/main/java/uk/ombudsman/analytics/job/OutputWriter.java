package uk.ombudsman.analytics.job;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.export.AtomicOutput;
import uk.ombudsman.analytics.export.CsvExport;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.Report;
import uk.ombudsman.analytics.reports.ReportBuilder;

/**
 * Writes one run's output: every table in its place in {@link OutputLayout}, into a staging folder that replaces
 * the previous output only on {@link #commit}, with the manifest last. Closing an uncommitted writer drops the
 * staging folder and leaves the previous output as it was.
 */
final class OutputWriter implements AutoCloseable {
    private final SparkSession spark;
    private final FileSystem fs;
    private final AtomicOutput out;
    private boolean committed;

    private OutputWriter(SparkSession spark, FileSystem fs, AtomicOutput out) {
        this.spark = spark;
        this.fs = fs;
        this.out = out;
    }

    static OutputWriter begin(SparkSession spark, String output, String runId) {
        try {
            Path target = new Path(output);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return new OutputWriter(spark, fs, AtomicOutput.begin(fs, target, runId));
        } catch (IOException e) {
            throw new JobFailure("cannot use the output " + output + ": " + e.getMessage(), DecisionJob.EXIT_OUTPUT, e);
        }
    }

    /** Where the output will be once committed. */
    Path target() {
        return out.target();
    }

    /**
     * The decisions (Parquet by year, and CSV), and what a later incremental run needs besides: the copies merged
     * away as duplicates, and every file's digest.
     */
    void decisions(Dataset<Row> decisions, Dataset<Row> superseded, Dataset<Row> files) {
        io(() -> {
            // Every task writes a file per year it holds: one task per parse partition made over a thousand small
            // files at 100,000 decisions. Fewer, larger tasks write fewer files; not too few, since each coalesced
            // task carries its parse partitions' file lists.
            int writers = Math.max(spark.sparkContext().defaultParallelism() * 2,
                    decisions.rdd().getNumPartitions() / 8);
            decisions.coalesce(writers).write().mode(SaveMode.Overwrite).partitionBy(Columns.DECISION_YEAR)
                    .parquet(path(OutputLayout.DECISIONS));
            CsvExport.write(DecisionTable.forCsv(decisions), new String[] {Columns.CASE_REF, Columns.SOURCE},
                    new Path(out.staging(), OutputLayout.DECISIONS_CSV), fs);
            superseded.write().mode(SaveMode.Overwrite).parquet(path(OutputLayout.SUPERSEDED));
            files.repartition(1).write().mode(SaveMode.Overwrite).parquet(path(OutputLayout.FILE_INDEX));
        });
    }

    /** evidence.csv: the sentence behind every extracted value. */
    void evidence(Dataset<Row> evidence) {
        io(() -> CsvExport.write(evidence, EvidenceTable.SORT, new Path(out.staging(), OutputLayout.EVIDENCE_CSV), fs));
    }

    void quarantine(Dataset<Row> quarantine) {
        io(() -> {
            // repartition, not coalesce: coalesce(1) would pull every parsed partition (and the file lists the
            // parse tasks carry) through one task, which ran out of memory at a million files.
            quarantine.repartition(1).write().mode(SaveMode.Overwrite).parquet(path(OutputLayout.QUARANTINE));
            CsvExport.write(quarantine, new String[] {Columns.SOURCE},
                    new Path(out.staging(), OutputLayout.QUARANTINE_CSV), fs);
        });
    }

    /** The nightly view: each changed decision, and the counts per council and category. */
    void changes(Dataset<Row> perDecision, Dataset<Row> perGroup) {
        io(() -> {
            CsvExport.write(perDecision, new String[] {Columns.CHANGE, Columns.CASE_REF, Columns.SOURCE},
                    new Path(out.staging(), OutputLayout.CHANGED_DECISIONS_CSV), fs);
            small(perGroup.collectAsList(), perGroup.schema(), OutputLayout.CHANGES);
        });
    }

    /** Every report: small tables already on the driver. */
    void reports(Map<Report, ReportBuilder.Table> reports) {
        io(() -> {
            for (Map.Entry<Report, ReportBuilder.Table> e : reports.entrySet()) {
                small(e.getValue().rows(), e.getValue().schema(), OutputLayout.report(e.getKey().folder()));
            }
        });
    }

    void quality(List<Row> rows, StructType schema) {
        io(() -> small(rows, schema, OutputLayout.report(OutputLayout.QUALITY)));
    }

    /** Writes the manifest, last, and puts the output in place of the previous one. */
    void commit(Manifest manifest) {
        io(() -> {
            try (OutputStream os = fs.create(new Path(out.staging(), OutputLayout.MANIFEST), true)) {
                manifest.writeTo(os);
            }
            out.commit();
        });
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            out.abort();
        }
    }

    /** A table already on the driver, as a Parquet dataset and, beside it, one CSV file. */
    private void small(List<Row> rows, StructType schema, String name) throws IOException {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path(name));
        CsvExport.write(rows, schema, new Path(out.staging(), name + ".csv"), fs);
    }

    private String path(String name) {
        return new Path(out.staging(), name).toString();
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void io(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new JobFailure("writing the output failed: " + e.getMessage(), DecisionJob.EXIT_OUTPUT, e);
        }
    }
}
