package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.reading.FieldAccuracy;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.PublishedFigures;
import uk.ombudsman.analytics.reports.QualityReport;
import uk.ombudsman.analytics.reports.Report;
import uk.ombudsman.analytics.reports.ReportBuilder;

/**
 * The batch job: plans what to read ({@link InputPlan}), turns it into tables (parse, merge duplicates, evidence,
 * reports), and hands them to the {@link OutputWriter}, which writes a new output folder that replaces the old one
 * only when complete.
 */
public final class DecisionJob {
    /** Exit codes the command line returns: a failed run, and failures the user can act on. */
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_INPUT = 3;
    public static final int EXIT_OUTPUT = 4;

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
        CouncilDirectory councils = CouncilDirectory.load(config.councilsFile(), config.reports().populationYear());
        InputPlan plan = InputPlan.make(spark, config, councils);
        List<Dataset<?>> cached = new ArrayList<>();
        Laps laps = new Laps();
        try {
            progress.stage(JobProgress.Stage.READ_AND_PARSE);
            InputPlan.Inputs inputs = plan.read(new DecisionParser(councils), files -> fileProgress =
                    new FileProgress(spark.sparkContext(), progress, files), cached);
            if (inputs == null) {
                return JobResult.unchanged(plan.previous().toString(), plan.listing().count());
            }
            try (OutputWriter out = OutputWriter.begin(spark, config.output(), runId)) {
                return write(plan, inputs, councils, out, runId, started, laps, cached);
            }
        } finally {
            if (fileProgress != null) {
                fileProgress.close();
            }
            cached.forEach(Dataset::unpersist);
        }
    }

    private JobResult write(InputPlan plan, InputPlan.Inputs inputs, CouncilDirectory councils, OutputWriter out,
            String runId, Instant started, Laps laps, List<Dataset<?>> cached) {
        CorpusFiles.Listing listing = plan.listing();
        // Decisions and quarantine reasons counted in one pass: a decision counts under no reason.
        Map<String, Long> byReason = new TreeMap<>();
        long decisions = 0;
        for (Row r : inputs.decisions().select(lit(null).cast(DataTypes.StringType).as(Columns.REASON))
                .unionByName(inputs.quarantine().select(col(Columns.REASON))).groupBy(col(Columns.REASON)).count()
                .collectAsList()) {
            if (r.isNullAt(0)) {
                decisions = r.getLong(1);
            } else {
                byReason.put(r.getString(0), r.getLong(1));
            }
        }
        long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
        fileProgress.close();
        if (decisions + quarantined != listing.count()) {
            throw new JobFailure("listed " + listing.count() + " files but parsed " + (decisions + quarantined)
                    + ": refusing to publish a run that lost input", EXIT_FAILED, null);
        }
        laps.lap("read_and_parse");
        laps.put("parse_stage", fileProgress.span().millis());

        progress.stage(JobProgress.Stage.BUILD_TABLES);
        DecisionTable.Deduped deduped = DecisionTable.oneRecordPerCase(inputs.decisions());
        Dataset<Row> table = deduped.kept().persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(table);
        long unique = decisions - deduped.merged();
        Map<Report, ReportBuilder.Table> built = ReportBuilder.buildAll(table, councils,
                config.reports().minInvestigations(), config.reports().yearBasis(), published());
        QualityReport.Result quality = QualityReport.build(table, byReason, listing.count());
        Dataset<Row> changed = null;
        Map<String, Long> changeCounts = null;
        if (config.trackChanges()) {
            Dataset<Row> before = plan.previous() == null ? null
                    : DecisionTable.fromPreviousRun(plan.read(OutputLayout.DECISIONS), table.columns());
            changed = Changes.perDecision(table, before).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(changed);
            changeCounts = new TreeMap<>();
            for (Row r : changed.groupBy(col(Columns.CHANGE)).count().collectAsList()) {
                changeCounts.put(r.getString(0), r.getLong(1));
            }
        }
        laps.lap("build_tables");

        progress.stage(JobProgress.Stage.WRITE_OUTPUTS);
        List<Runnable> writes = new ArrayList<>();
        writes.add(() -> out.decisions(table));
        writes.add(() -> out.decisionsCsv(table, unique));
        writes.add(() -> out.evidence(EvidenceTable.of(table), unique));
        writes.add(() -> out.state(deduped.superseded(), inputs.files()));
        writes.add(() -> out.quarantine(inputs.quarantine(), quarantined));
        built.forEach((report, t) -> writes.add(() -> out.report(report, t)));
        writes.add(() -> out.quality(quality.rows(), QualityReport.SCHEMA));
        if (changed != null) {
            Dataset<Row> perDecision = changed;
            long changes = changeCounts.values().stream().mapToLong(Long::longValue).sum();
            writes.add(() -> out.changes(perDecision, changes, Changes.perCouncilAndCategory(perDecision)));
        }
        out.concurrently(writes);
        Map<String, Long> reportRows = new LinkedHashMap<>();
        built.forEach((report, t) -> reportRows.put(report.folder(), (long) t.rows().size()));
        reportRows.put(OutputLayout.QUALITY, (long) quality.rows().size());
        laps.lap("write_outputs");

        progress.stage(JobProgress.Stage.PUBLISH);
        laps.put("total", laps.sinceStart());
        JobResult.Delta delta = inputs.delta();
        out.commit(new Manifest()
                .put("run_id", runId)
                .put("started_at", started.toString())
                .put("finished_at", Instant.now().toString())
                .put("input", Redaction.uri(config.input()))
                .put("output", Redaction.uri(out.target().toString()))
                .put("mode", delta.mode())
                .put("previous", plan.previous() == null ? null : Redaction.uri(plan.previous().toString()))
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
                .put("field_accuracy", FieldAccuracy.forManifest())
                .put("timings_ms", laps.millis())
                .put("versions", Manifest.versions(spark))
                .put("configuration", configuration(plan.fingerprint())));
        return new JobResult(out.target().toString(), decisions + quarantined, unique, quarantined, byReason,
                laps.millis(), headline(built.get(Report.NATIONAL).rows().get(0)),
                largestCouncils(built.get(Report.BY_COUNCIL).rows()), delta, quality.uncertainShare(),
                quality.noBody(), quality.unknownBodies());
    }

    /** Stage timings: each lap from the end of the one before. */
    private static final class Laps {
        private final long start = System.nanoTime();
        private long last = start;
        private final Map<String, Long> millis = new LinkedHashMap<>();

        void lap(String stage) {
            long now = System.nanoTime();
            millis.put(stage, (now - last) / 1_000_000);
            last = now;
        }

        void put(String stage, long ms) {
            millis.put(stage, ms);
        }

        long sinceStart() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        Map<String, Long> millis() {
            return millis;
        }
    }

    /** The Ombudsman's published figures to reconcile with: the bundled national ones and any per-council file. */
    private PublishedFigures published() {
        PublishedFigures bundled = PublishedFigures.bundled();
        java.nio.file.Path file = config.reports().lgscoCouncilData();
        try {
            return file == null ? bundled : bundled.withCouncilData(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new JobFailure("--lgsco-council-data: " + e.getMessage(), EXIT_INPUT, e);
        }
    }

    private Map<String, Object> configuration(String fingerprint) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(InputPlan.FINGERPRINT, fingerprint);
        c.put("master", spark.sparkContext().master());
        c.put("default_parallelism", spark.sparkContext().defaultParallelism());
        c.put("spark.sql.shuffle.partitions", spark.conf().get("spark.sql.shuffle.partitions"));
        c.put("councils_file", config.councilsFile() == null ? "bundled" : config.councilsFile().toString());
        c.put("min_investigations", config.reports().minInvestigations());
        c.put("year_basis", config.reports().yearBasis().name().toLowerCase(java.util.Locale.ROOT));
        c.put("population_year", config.reports().populationYear());
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

}
