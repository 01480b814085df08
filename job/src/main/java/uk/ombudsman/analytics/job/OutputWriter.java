package uk.ombudsman.analytics.job;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.export.AtomicOutput;
import uk.ombudsman.analytics.export.CsvExport;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.export.ParquetRows;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.Report;
import uk.ombudsman.analytics.reports.ReportBuilder;

/**
 * Writes one run's output: every table in its place in {@link OutputLayout}, into a staging folder that replaces
 * the previous output only on {@link #commit}, with the manifest last. Closing an uncommitted writer drops the
 * staging folder and leaves the previous output as it was.
 */
final class OutputWriter implements AutoCloseable {
    /** Outputs written at once. */
    private static final int WRITERS = 4;

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
        return onOutput(spark, output, (fs, target) -> new OutputWriter(spark, fs, AtomicOutput.begin(fs, target,
                runId)));
    }

    /** Fails as {@link #begin} would, writing nothing: before the input is read. */
    static void check(SparkSession spark, String output) {
        onOutput(spark, output, (fs, target) -> {
            AtomicOutput.check(fs, target);
            return null;
        });
    }

    private interface OnOutput<T> {
        T apply(FileSystem fs, Path target) throws IOException;
    }

    private static <T> T onOutput(SparkSession spark, String output, OnOutput<T> action) {
        try {
            Path target = new Path(output);
            return action.apply(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), target);
        } catch (IOException e) {
            throw new Failure("cannot use the output " + output + ": " + e.getMessage(), ExitCode.OUTPUT, e);
        }
    }

    /** Where the output will be once committed. */
    Path target() {
        return out.target();
    }

    /** The decisions by year, as Parquet. */
    void decisions(Dataset<Row> decisions) {
        io(() -> {
            // Every task writes a file per year it holds: one task per parse partition made over a thousand small
            // files at 100,000 decisions. Fewer, larger tasks write fewer files; not too few, since each coalesced
            // task carries its parse partitions' file lists.
            int writers = Math.max(spark.sparkContext().defaultParallelism() * 2,
                    decisions.rdd().getNumPartitions() / 8);
            decisions.coalesce(writers).write().mode(SaveMode.Overwrite).partitionBy(Columns.DECISION_YEAR)
                    .parquet(path(OutputLayout.DECISIONS));
        });
    }

    /** decisions.csv, of so many rows. */
    void decisionsCsv(Dataset<Row> decisions, long rows) {
        io(() -> CsvExport.write(DecisionTable.forCsv(decisions), new String[] {Columns.CASE_REF, Columns.SOURCE},
                new Path(out.staging(), OutputLayout.DECISIONS_CSV), fs, rows));
    }

    /** What a later incremental run needs besides the decisions: the copies merged away, and every digest. */
    void state(Dataset<Row> superseded, Dataset<Row> files) {
        io(() -> {
            superseded.write().mode(SaveMode.Overwrite).parquet(path(OutputLayout.SUPERSEDED));
            files.repartition(1).write().mode(SaveMode.Overwrite).parquet(path(OutputLayout.FILE_INDEX));
        });
    }

    /** evidence.csv: the sentence behind every extracted value, for so many decisions. */
    void evidence(Dataset<Row> evidence, long decisions) {
        io(() -> CsvExport.write(evidence, EvidenceTable.SORT, new Path(out.staging(), OutputLayout.EVIDENCE_CSV), fs,
                decisions * EvidenceTable.ROWS_PER_DECISION_AT_MOST));
    }

    void quarantine(Dataset<Row> quarantine, long rows) {
        io(() -> {
            // repartition, not coalesce: coalesce(1) would pull every parsed partition (and the file lists the
            // parse tasks carry) through one task, which ran out of memory at a million files.
            quarantine.repartition(1).write().mode(SaveMode.Overwrite).parquet(path(OutputLayout.QUARANTINE));
            CsvExport.write(quarantine, new String[] {Columns.SOURCE},
                    new Path(out.staging(), OutputLayout.QUARANTINE_CSV), fs, rows);
        });
    }

    /** The nightly view: each changed decision, and the counts per council and category. */
    void changes(Dataset<Row> perDecision, long rows, Dataset<Row> perGroup) {
        io(() -> {
            CsvExport.write(perDecision, new String[] {Columns.CHANGE, Columns.CASE_REF, Columns.SOURCE},
                    new Path(out.staging(), OutputLayout.CHANGED_DECISIONS_CSV), fs, rows);
            small(perGroup.collectAsList(), perGroup.schema(), OutputLayout.CHANGES);
        });
    }

    /** One report: a small table already on the driver. */
    void report(Report report, ReportBuilder.Table table) {
        io(() -> small(table.rows(), table.schema(), OutputLayout.report(report.folder())));
    }

    void quality(List<Row> rows, StructType schema) {
        io(() -> small(rows, schema, OutputLayout.report(OutputLayout.QUALITY)));
    }

    /**
     * Runs writes at once, on a few driver threads: on a small run most of a write is Spark's fixed cost per job
     * (planning, scheduling, committing), which overlaps; on a large run they share the cores. The first failure
     * is thrown once every write has stopped.
     */
    void concurrently(List<Runnable> writes) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WRITERS, writes.size()), r -> {
            Thread t = new Thread(r, "output-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = writes.stream().<Future<?>>map(pool::submit).toList();
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new Failure("writing the output failed: " + e.getCause(), ExitCode.OUTPUT,
                                    e.getCause());
                    failure = failure == null ? cause : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure("interrupted while writing the output", ExitCode.FAILED, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
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

    /**
     * A table already on the driver, as a Parquet dataset and, beside it, one CSV file. Flat tables (every report)
     * are written from the driver; Spark writes the others.
     */
    private void small(List<Row> rows, StructType schema, String name) throws IOException {
        if (ParquetRows.supports(schema)) {
            ParquetRows.write(rows, schema, new Path(out.staging(), name),
                    new Configuration(spark.sparkContext().hadoopConfiguration()));
        } else {
            spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path(name));
        }
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
            throw new Failure("writing the output failed: " + e.getMessage(), ExitCode.OUTPUT, e);
        }
    }
}
