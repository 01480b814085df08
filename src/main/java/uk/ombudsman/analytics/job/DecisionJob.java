package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
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

    /** Inside every output: what an incremental run builds on besides the decisions and the quarantine. */
    private static final String FILE_INDEX = "_state/files";
    private static final String SUPERSEDED = "_state/superseded";
    private static final String FINGERPRINT = "parse_fingerprint";

    private final SparkSession spark;
    private final JobConfig config;
    private final JobProgress progress;
    /** Files parsed so far, reported while the parse runs. */
    private FileProgress fileProgress;

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
        CorpusFiles.Listing listing = listInput(new Path(config.input()), hadoop);
        CouncilDirectory councils = CouncilDirectory.load(config.councilsFile());
        String fingerprint = fingerprint(councils);
        List<Dataset<?>> cached = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        long startNanos = System.nanoTime();
        try {
            progress.stage(JobProgress.Stage.READ_AND_PARSE);
            Path previous = usablePrevious(fingerprint, hadoop);
            Inputs inputs = previous == null
                    ? fullInputs(listing, new DecisionParser(councils), cached)
                    : incrementalInputs(listing, previous, new DecisionParser(councils), cached);
            if (inputs == null) {
                return JobResult.unchanged(previous.toString(), listing.count());
            }
            return write(inputs, listing, previous, councils, fingerprint, runId, started, millis, startNanos,
                    hadoop);
        } finally {
            if (fileProgress != null) {
                fileProgress.close();
            }
            cached.forEach(Dataset::unpersist);
        }
    }

    /**
     * The records of every file in the input, before duplicates are merged, the quarantine rows, and each file's
     * digest.
     */
    private record Inputs(Dataset<Row> decisions, Dataset<Row> quarantine, Dataset<Row> files,
            JobResult.Delta delta) {
    }

    private Inputs fullInputs(CorpusFiles.Listing listing, DecisionParser parser, List<Dataset<?>> cached) {
        fileProgress = new FileProgress(spark.sparkContext(), progress, listing.count());
        Dataset<ParsedFile> parsed = CorpusFiles.parse(spark, listing, parser, fileProgress.counter(),
                fileProgress.span())
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(parsed);
        return new Inputs(DecisionTable.decisions(parsed), DecisionTable.quarantine(parsed),
                parsed.select(col("source").as(Columns.SOURCE), col("sha256").as(Columns.SOURCE_SHA256)),
                new JobResult.Delta(JobResult.Delta.FULL, listing.count(), 0, 0));
    }

    /**
     * Parses only the files that are new or whose content changed since the previous run, and carries the
     * previous run's records of every other file over. Null when nothing at all changed.
     */
    private Inputs incrementalInputs(CorpusFiles.Listing listing, Path previous, DecisionParser parser,
            List<Dataset<?>> cached) {
        Dataset<Row> digests = CorpusFiles.digests(spark, listing).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(digests);
        Dataset<Row> before = spark.read().parquet(new Path(previous, FILE_INDEX).toString());
        Seq<String> sameFile = CollectionConverters.asScala(List.of(Columns.SOURCE, Columns.SOURCE_SHA256)).toSeq();
        Dataset<Row> unchanged = digests.join(before, sameFile, "left_semi").select(Columns.SOURCE)
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(unchanged);
        Set<String> toParse = new HashSet<>();
        for (Row r : digests.join(before, sameFile, "left_anti").select(Columns.SOURCE).collectAsList()) {
            toParse.add(r.getString(0));
        }
        long removed = before.join(digests, Columns.SOURCE, "left_anti").count();
        if (toParse.isEmpty() && removed == 0) {
            return null;
        }
        fileProgress = new FileProgress(spark.sparkContext(), progress, toParse.size());
        Dataset<ParsedFile> parsed = CorpusFiles.parse(spark, listing.only(toParse), parser,
                fileProgress.counter(), fileProgress.span())
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(parsed);
        Dataset<Row> fresh = DecisionTable.decisions(parsed);
        Dataset<Row> carried = DecisionTable.fromPreviousRun(
                spark.read().parquet(new Path(previous, "decisions").toString())
                        .unionByName(spark.read().parquet(new Path(previous, SUPERSEDED).toString())),
                fresh.columns()).join(unchanged, Columns.SOURCE, "left_semi");
        Dataset<Row> quarantine = spark.read().parquet(new Path(previous, "quarantine").toString())
                .join(unchanged, Columns.SOURCE, "left_semi")
                .unionByName(DecisionTable.quarantine(parsed));
        return new Inputs(carried.unionByName(fresh), quarantine, digests, new JobResult.Delta(
                JobResult.Delta.INCREMENTAL, toParse.size(), listing.count() - toParse.size(), removed));
    }

    /**
     * The previous run to build on, or null for a full run: none was given, it is incomplete, or it was parsed by
     * another build of the parser or with another councils list (its records would differ from a fresh parse).
     */
    private Path usablePrevious(String fingerprint, Configuration hadoop) {
        if (config.previous() == null) {
            return null;
        }
        Path previous = new Path(config.previous());
        try {
            FileSystem fs = previous.getFileSystem(hadoop);
            Path manifest = new Path(previous, AtomicOutput.MANIFEST);
            if (!fs.exists(manifest) || !fs.exists(new Path(previous, FILE_INDEX))) {
                return null;
            }
            try (InputStream in = fs.open(manifest)) {
                Object theirs = ((Map<?, ?>) Manifest.read(in).getOrDefault("configuration", Map.of()))
                        .get(FINGERPRINT);
                return fingerprint.equals(theirs) ? fs.makeQualified(previous) : null;
            }
        } catch (IOException e) {
            throw new JobFailure("cannot read the previous run " + previous + ": " + e.getMessage(), EXIT_INPUT, e);
        }
    }

    /** Identifies what a parse depends on besides the file: the build of the parser and the councils list. */
    private static String fingerprint(CouncilDirectory councils) {
        String build = Manifest.applicationVersion() + "@" + Manifest.applicationBuild();
        return build + ":" + DecisionParser.sha256(councils.all().toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    private JobResult write(Inputs inputs, CorpusFiles.Listing listing, Path previous, CouncilDirectory councils,
            String fingerprint, String runId, Instant started, Map<String, Long> millis, long startNanos,
            Configuration hadoop) {
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
            long t = startNanos;
            Map<String, Long> byReason = new TreeMap<>();
            for (Row r : inputs.quarantine().groupBy(col(Columns.REASON)).count().collectAsList()) {
                byReason.put(r.getString(0), r.getLong(1));
            }
            long decisions = inputs.decisions().count();
            long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
            fileProgress.close();
            if (decisions + quarantined != listing.count()) {
                throw new JobFailure("listed " + listing.count() + " files but parsed " + (decisions + quarantined)
                        + ": refusing to publish a run that lost input", EXIT_FAILED, null);
            }
            t = lap(millis, "read_and_parse", t);
            millis.put("parse_stage", fileProgress.span().millis());

            Path staging = out.staging();
            progress.stage(JobProgress.Stage.WRITE_DECISIONS);
            DecisionTable.Deduped deduped = DecisionTable.oneRecordPerCase(inputs.decisions());
            Dataset<Row> table = deduped.kept().persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(table);
            long unique = table.count();
            // Every task writes a file per year it holds: one task per parse partition made over a thousand small
            // files at 100,000 decisions, and took half as long as the parse. Fewer, larger tasks write fewer
            // files; not too few, since each coalesced task carries its parse partitions' file lists.
            int writers = Math.max(spark.sparkContext().defaultParallelism() * 2, table.rdd().getNumPartitions() / 8);
            table.coalesce(writers).write().mode(SaveMode.Overwrite)
                    .partitionBy(Columns.DECISION_YEAR).parquet(new Path(staging, "decisions").toString());
            CsvExport.write(DecisionTable.forCsv(table), new String[] {Columns.CASE_REF, Columns.SOURCE},
                    new Path(staging, "decisions.csv"), outFs);
            // What a later incremental run needs besides the decisions: the copies merged away, and every digest.
            deduped.superseded().write().mode(SaveMode.Overwrite).parquet(new Path(staging, SUPERSEDED).toString());
            inputs.files().repartition(1).write().mode(SaveMode.Overwrite)
                    .parquet(new Path(staging, FILE_INDEX).toString());
            t = lap(millis, "write_decisions", t);

            progress.stage(JobProgress.Stage.WRITE_QUARANTINE);
            // repartition, not coalesce: coalesce(1) would pull every parsed partition (and the file lists the
            // parse tasks carry) through one task, which ran out of memory at a million files.
            inputs.quarantine().repartition(1).write().mode(SaveMode.Overwrite)
                    .parquet(new Path(staging, "quarantine").toString());
            CsvExport.write(inputs.quarantine(), new String[] {Columns.SOURCE}, new Path(staging, "quarantine.csv"),
                    outFs);
            t = lap(millis, "write_quarantine", t);

            Map<String, Long> changeCounts = null;
            if (config.trackChanges()) {
                progress.stage(JobProgress.Stage.WRITE_CHANGES);
                Dataset<Row> before = previous == null ? null : DecisionTable.fromPreviousRun(
                        spark.read().parquet(new Path(previous, "decisions").toString()), table.columns());
                Dataset<Row> changed = Changes.perDecision(table, before).persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(changed);
                CsvExport.write(changed, new String[] {Columns.CHANGE, Columns.CASE_REF, Columns.SOURCE},
                        new Path(staging, "changed_decisions.csv"), outFs);
                Dataset<Row> perGroup = Changes.perCouncilAndCategory(changed);
                writeSmall(perGroup.collectAsList(), perGroup.schema(), staging, "changes", outFs);
                changeCounts = new TreeMap<>();
                for (Row r : changed.groupBy(col(Columns.CHANGE)).count().collectAsList()) {
                    changeCounts.put(r.getString(0), r.getLong(1));
                }
                t = lap(millis, "write_changes", t);
            }

            progress.stage(JobProgress.Stage.WRITE_REPORTS);
            Map<String, Long> reportRows = new LinkedHashMap<>();
            Path reports = new Path(staging, "reports");
            Map<Report, ReportBuilder.Table> built = ReportBuilder.buildAll(table, councils, config.minInvestigations());
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
            JobResult.Delta delta = inputs.delta();
            Manifest manifest = new Manifest()
                    .put("run_id", runId)
                    .put("started_at", started.toString())
                    .put("finished_at", Instant.now().toString())
                    .put("input", config.input())
                    .put("output", out.target().toString())
                    .put("mode", delta.mode())
                    .put("previous", previous == null ? null : previous.toString())
                    .put("counts", Manifest.map(
                            "files_read", decisions + quarantined,
                            "input_bytes", listing.totalBytes(),
                            "hidden_files_skipped", listing.hidden(),
                            "files_parsed_this_run", delta.parsed(),
                            "files_reused_from_previous", delta.reused(),
                            "files_removed_since_previous", delta.removed(),
                            "parsed", decisions,
                            "duplicates_merged", decisions - unique,
                            "decisions", unique,
                            "quarantined", quarantined,
                            "quarantined_by_reason", byReason,
                            "report_rows", reportRows))
                    .put("changes", changeCounts)
                    .put("quality", quality.summary())
                    .put("timings_ms", millis)
                    .put("versions", Manifest.versions(spark))
                    .put("configuration", configuration(fingerprint));
            try (OutputStream os = outFs.create(new Path(staging, AtomicOutput.MANIFEST), true)) {
                manifest.writeTo(os);
            }
            out.commit();
            return new JobResult(out.target().toString(), decisions + quarantined, unique, quarantined, byReason,
                    millis, headline, largest, delta);
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

    private Map<String, Object> configuration(String fingerprint) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(FINGERPRINT, fingerprint);
        c.put("master", spark.sparkContext().master());
        c.put("default_parallelism", spark.sparkContext().defaultParallelism());
        c.put("spark.sql.shuffle.partitions", spark.conf().get("spark.sql.shuffle.partitions"));
        c.put("councils_file", config.councilsFile() == null ? "bundled" : config.councilsFile().toString());
        c.put("min_investigations", config.minInvestigations());
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
