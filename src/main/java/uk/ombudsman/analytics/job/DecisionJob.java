package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import uk.ombudsman.analytics.export.AtomicOutput;
import uk.ombudsman.analytics.export.CsvExport;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.QualityReport;
import uk.ombudsman.analytics.reports.Report;
import uk.ombudsman.analytics.reports.ReportBuilder;

/**
 * The batch job: reads every file under the input, parses them in parallel, and writes the decisions, the
 * quarantine, every report and the manifest into a new output folder that replaces the old one only when complete.
 */
public final class DecisionJob {
    /** Exit codes the command line returns: a failed run, and failures the user can act on. */
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_INPUT = 3;
    public static final int EXIT_OUTPUT = 4;

    private final SparkSession spark;
    private final JobConfig config;
    private final JobProgress progress;

    public DecisionJob(SparkSession spark, JobConfig config, JobProgress progress) {
        this.spark = spark;
        this.config = config;
        this.progress = progress;
    }

    public JobResult run() {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path input = new Path(config.input());
        CorpusFiles.Listing listing = listInput(input, hadoop);
        AtomicOutput out;
        FileSystem outFs;
        try {
            Path target = new Path(config.output());
            outFs = target.getFileSystem(hadoop);
            out = AtomicOutput.begin(outFs, target, runId);
        } catch (IOException e) {
            throw new JobFailure("cannot use the output " + config.output() + ": " + e.getMessage(), EXIT_OUTPUT, e);
        }
        List<Dataset<?>> cached = new ArrayList<>();
        try {
            Map<String, Long> millis = new LinkedHashMap<>();
            long startNanos = System.nanoTime();
            long t = startNanos;

            progress.stage(JobProgress.Stage.READ_AND_PARSE);
            DecisionParser parser = new DecisionParser(CouncilDirectory.load(config.councilsFile()));
            Dataset<ParsedFile> parsed = CorpusFiles.parse(spark, listing, parser)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(parsed);
            Map<String, Long> byReason = new TreeMap<>();
            long decisions = 0;
            for (Row r : parsed.groupBy(col("reason")).count().collectAsList()) {
                if (r.isNullAt(0)) {
                    decisions = r.getLong(1);
                } else {
                    byReason.put(r.getString(0), r.getLong(1));
                }
            }
            long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
            if (decisions + quarantined != listing.count()) {
                throw new JobFailure("listed " + listing.count() + " files but parsed " + (decisions + quarantined)
                        + ": refusing to publish a run that lost input", EXIT_FAILED, null);
            }
            t = lap(millis, "read_and_parse", t);

            Path staging = out.staging();
            progress.stage(JobProgress.Stage.WRITE_DECISIONS);
            Dataset<Row> table = DecisionTable.oneRecordPerCase(DecisionTable.decisions(parsed))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(table);
            long unique = table.count();
            table.write().mode(SaveMode.Overwrite).partitionBy(Columns.DECISION_YEAR)
                    .parquet(new Path(staging, "decisions").toString());
            CsvExport.write(DecisionTable.forCsv(table), new String[] {Columns.CASE_REF, Columns.SOURCE},
                    new Path(staging, "decisions.csv"), outFs);
            t = lap(millis, "write_decisions", t);

            progress.stage(JobProgress.Stage.WRITE_QUARANTINE);
            Dataset<Row> quarantine = DecisionTable.quarantine(parsed);
            // repartition, not coalesce: coalesce(1) would pull every parsed partition (and the file lists the
            // parse tasks carry) through one task, which ran out of memory at a million files.
            quarantine.repartition(1).write().mode(SaveMode.Overwrite)
                    .parquet(new Path(staging, "quarantine").toString());
            CsvExport.write(quarantine, new String[] {Columns.SOURCE}, new Path(staging, "quarantine.csv"), outFs);
            t = lap(millis, "write_quarantine", t);

            progress.stage(JobProgress.Stage.WRITE_REPORTS);
            Map<String, Long> reportRows = new LinkedHashMap<>();
            Path reports = new Path(staging, "reports");
            Map<Report, ReportBuilder.Table> built = ReportBuilder.buildAll(table);
            for (Map.Entry<Report, ReportBuilder.Table> e : built.entrySet()) {
                writeSmall(e.getValue().rows(), e.getValue().schema(), reports, e.getKey().folder(), outFs);
                reportRows.put(e.getKey().folder(), (long) e.getValue().rows().size());
            }
            JobResult.Headline headline = headline(built.get(Report.NATIONAL).rows().get(0));
            List<JobResult.CouncilLine> largest = largestCouncils(built.get(Report.BY_COUNCIL).rows());
            QualityReport.Result quality = QualityReport.build(table, byReason, listing.count());
            writeSmall(quality.rows(), QualityReport.SCHEMA, reports, "quality", outFs);
            reportRows.put("quality", (long) quality.rows().size());
            lap(millis, "write_reports", t);

            progress.stage(JobProgress.Stage.PUBLISH);
            millis.put("total", (System.nanoTime() - startNanos) / 1_000_000);
            Manifest manifest = new Manifest()
                    .put("run_id", runId)
                    .put("started_at", started.toString())
                    .put("finished_at", Instant.now().toString())
                    .put("input", config.input())
                    .put("output", out.target().toString())
                    .put("counts", Manifest.map(
                            "files_read", decisions + quarantined,
                            "input_bytes", listing.totalBytes(),
                            "hidden_files_skipped", listing.hidden(),
                            "parsed", decisions,
                            "duplicates_merged", decisions - unique,
                            "decisions", unique,
                            "quarantined", quarantined,
                            "quarantined_by_reason", byReason,
                            "report_rows", reportRows))
                    .put("quality", quality.summary())
                    .put("timings_ms", millis)
                    .put("versions", Manifest.versions(spark))
                    .put("configuration", configuration());
            try (OutputStream os = outFs.create(new Path(staging, AtomicOutput.MANIFEST), true)) {
                manifest.writeTo(os);
            }
            out.commit();
            return new JobResult(out.target().toString(), decisions + quarantined, unique, quarantined, byReason,
                    millis, headline, largest);
        } catch (IOException e) {
            out.abort();
            throw new JobFailure("writing the output failed: " + e.getMessage(), EXIT_OUTPUT, e);
        } catch (RuntimeException e) {
            out.abort();
            throw e;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** A table already on the driver, as a Parquet dataset and, beside it, one CSV file. */
    private void writeSmall(List<Row> rows, StructType schema, Path folder, String name, FileSystem fs)
            throws IOException {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(folder, name).toString());
        CsvExport.write(rows, schema, new Path(folder, name + ".csv"), fs);
    }

    private static CorpusFiles.Listing listInput(Path input, Configuration hadoop) {
        try {
            FileSystem fs = input.getFileSystem(hadoop);
            if (!fs.exists(input)) {
                throw new JobFailure("input not found: " + input, EXIT_INPUT, null);
            }
            return CorpusFiles.list(input, hadoop);
        } catch (IOException e) {
            throw new JobFailure("cannot read the input " + input + ": " + e.getMessage(), EXIT_INPUT, e);
        }
    }

    private Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("master", spark.sparkContext().master());
        c.put("default_parallelism", spark.sparkContext().defaultParallelism());
        c.put("spark.sql.shuffle.partitions", spark.conf().get("spark.sql.shuffle.partitions"));
        c.put("councils_file", config.councilsFile() == null ? "bundled" : config.councilsFile().toString());
        return c;
    }

    private static JobResult.Headline headline(Row n) {
        return new JobResult.Headline(n.getAs(Columns.DECISIONS), n.getAs(Columns.UPHELD), n.getAs(Columns.NOT_UPHELD),
                n.getAs(Columns.UPHOLD_RATE), n.getAs(Columns.UPHOLD_RATE_CI_LOW), n.getAs(Columns.UPHOLD_RATE_CI_HIGH));
    }

    private static List<JobResult.CouncilLine> largestCouncils(List<Row> byCouncil) {
        return byCouncil.stream()
                .sorted(java.util.Comparator.<Row>comparingLong(r -> r.getAs(Columns.DECISIONS)).reversed())
                .limit(10)
                .map(r -> new JobResult.CouncilLine(r.getAs(Columns.COUNCIL), r.getAs(Columns.BODY_TYPE),
                        r.getAs(Columns.DECISIONS), r.getAs(Columns.UPHELD), r.getAs(Columns.UPHOLD_RATE)))
                .toList();
    }

    private static long lap(Map<String, Long> millis, String stage, long since) {
        long now = System.nanoTime();
        millis.put(stage, (now - since) / 1_000_000);
        return now;
    }
}
