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
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
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

    /**
     * The run as its four stages, each a method: {@link #readAndParse}, {@link #buildTables},
     * {@link #writeOutputs}, {@link #publish}. What they share is the {@link RunContext}.
     */
    public JobResult run() {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        OutputWriter.check(spark, config.output());
        CouncilDirectory councils = CouncilDirectory.load(config.councilsFile(), config.reports().populationYear());
        RunContext run = new RunContext(runId, started, councils, InputPlan.make(spark, config, councils), new Laps(),
                new ArrayList<>());
        Sessions.evaluateFor(spark, run.plan().listing().count());
        try {
            Parsed parsed = readAndParse(run);
            if (parsed == null) {
                return JobResult.unchanged(run.plan().previous().toString(), run.plan().listing().count());
            }
            try (OutputWriter out = OutputWriter.begin(spark, config.output(), runId)) {
                Tables tables = buildTables(run, parsed);
                Map<String, Long> reportRows = writeOutputs(parsed, tables, out);
                run.laps().lap("write_outputs");
                return publish(run, parsed, tables, reportRows, out);
            }
        } finally {
            if (fileProgress != null) {
                fileProgress.close();
            }
            run.cached().forEach(Dataset::unpersist);
        }
    }

    /**
     * What one run carries from stage to stage.
     *
     * @param cached the datasets persisted on the way, unpersisted when the run ends
     */
    private record RunContext(String runId, Instant started, CouncilDirectory councils, InputPlan plan, Laps laps,
            List<Dataset<?>> cached) {
    }

    /** The parsed files, counted: decisions, and quarantined files by reason. */
    private record Parsed(InputPlan.Inputs inputs, long decisions, Map<String, Long> byReason) {
        long quarantined() {
            return byReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every table the run writes, built and (where it is read more than once) persisted. */
    private record Tables(DecisionTable.Deduped deduped, Dataset<Row> decisions, long unique,
            Map<Report, ReportBuilder.Table> reports, QualityReport.Result quality, Dataset<Row> changed,
            Map<String, Long> changeCounts) {
    }

    /**
     * Reads and parses what the plan says (only new or changed files on an incremental run), and checks that every
     * file listed became a decision or a quarantine row.
     *
     * @return null when nothing changed since the previous run
     */
    private Parsed readAndParse(RunContext run) {
        progress.stage(JobProgress.Stage.READ_AND_PARSE);
        InputPlan.Inputs inputs = run.plan().read(new DecisionParser(run.councils()), files -> fileProgress =
                new FileProgress(spark.sparkContext(), progress, files), run.cached());
        if (inputs == null) {
            return null;
        }
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
        Parsed parsed = new Parsed(inputs, decisions, byReason);
        fileProgress.close();
        long listed = run.plan().listing().count();
        if (decisions + parsed.quarantined() != listed) {
            throw new Failure("listed " + listed + " files but parsed " + (decisions + parsed.quarantined())
                    + ": refusing to publish a run that lost input", ExitCode.FAILED, null);
        }
        run.laps().lap("read_and_parse");
        run.laps().put("parse_stage", fileProgress.span().millis());
        return parsed;
    }

    /** One record per case, the reports, the quality table and, for a nightly run, what changed since the last. */
    private Tables buildTables(RunContext run, Parsed parsed) {
        progress.stage(JobProgress.Stage.BUILD_TABLES);
        DecisionTable.Deduped deduped = DecisionTable.oneRecordPerCase(parsed.inputs().decisions());
        Dataset<Row> table = deduped.kept().persist(StorageLevel.MEMORY_AND_DISK());
        run.cached().add(table);
        long unique = parsed.decisions() - deduped.merged();
        Map<Report, ReportBuilder.Table> built = ReportBuilder.buildAll(table, run.councils(),
                config.reports().minInvestigations(), config.reports().yearBasis(), published());
        QualityReport.Result quality = QualityReport.build(table, parsed.byReason(), run.plan().listing().count());
        Dataset<Row> changed = null;
        Map<String, Long> changeCounts = null;
        if (config.trackChanges()) {
            Dataset<Row> before = run.plan().previous() == null ? null
                    : DecisionTable.fromPreviousRun(run.plan().read(OutputLayout.DECISIONS), table.columns());
            changed = Changes.perDecision(table, before).persist(StorageLevel.MEMORY_AND_DISK());
            run.cached().add(changed);
            changeCounts = new TreeMap<>();
            for (Row r : changed.groupBy(col(Columns.CHANGE)).count().collectAsList()) {
                changeCounts.put(r.getString(0), r.getLong(1));
            }
        }
        run.laps().lap("build_tables");
        return new Tables(deduped, table, unique, built, quality, changed, changeCounts);
    }

    /**
     * Writes every table into the new output folder, several at once.
     *
     * @return the rows of each small report, for the manifest
     */
    private Map<String, Long> writeOutputs(Parsed parsed, Tables t, OutputWriter out) {
        progress.stage(JobProgress.Stage.WRITE_OUTPUTS);
        List<Runnable> writes = new ArrayList<>();
        writes.add(() -> out.decisions(t.decisions()));
        writes.add(() -> out.decisionsCsv(t.decisions(), t.unique()));
        writes.add(() -> out.evidence(EvidenceTable.of(t.decisions()), t.unique()));
        writes.add(() -> out.state(t.deduped().superseded(), parsed.inputs().files()));
        writes.add(() -> out.quarantine(parsed.inputs().quarantine(), parsed.quarantined()));
        t.reports().forEach((report, table) -> writes.add(() -> out.report(report, table)));
        writes.add(() -> out.quality(t.quality().rows(), QualityReport.SCHEMA));
        if (t.changed() != null) {
            long changes = t.changeCounts().values().stream().mapToLong(Long::longValue).sum();
            writes.add(() -> out.changes(t.changed(), changes, Changes.perCouncilAndCategory(t.changed())));
        }
        out.concurrently(writes);
        Map<String, Long> reportRows = new LinkedHashMap<>();
        t.reports().forEach((report, table) -> reportRows.put(report.folder(), (long) table.rows().size()));
        reportRows.put(OutputLayout.QUALITY, (long) t.quality().rows().size());
        return reportRows;
    }

    /** Writes the manifest and makes the new output the output, atomically. */
    private JobResult publish(RunContext run, Parsed parsed, Tables t, Map<String, Long> reportRows,
            OutputWriter out) {
        progress.stage(JobProgress.Stage.PUBLISH);
        Laps laps = run.laps();
        laps.put("total", laps.sinceStart());
        JobResult.Delta delta = parsed.inputs().delta();
        CorpusFiles.Listing listing = run.plan().listing();
        long decisions = parsed.decisions();
        long quarantined = parsed.quarantined();
        out.commit(new Manifest()
                .put("run_id", run.runId())
                .put("started_at", run.started().toString())
                .put("finished_at", Instant.now().toString())
                .put("input", Redaction.uri(config.input()))
                .put("output", Redaction.uri(out.target().toString()))
                .put("mode", delta.mode())
                .put("previous", run.plan().previous() == null ? null
                        : Redaction.uri(run.plan().previous().toString()))
                .put("counts", Manifest.map(
                        "files_read", decisions + quarantined,
                        "input_bytes", listing.totalBytes(),
                        "hidden_files_skipped", listing.hidden(),
                        "files_parsed_this_run", delta.parsed(),
                        "files_reused_from_previous", delta.reused(),
                        "files_removed_since_previous", delta.removed(),
                        "parsed", decisions,
                        "duplicates_merged", decisions - t.unique(),
                        "decisions", t.unique(),
                        "quarantined", quarantined,
                        "quarantined_by_reason", parsed.byReason(),
                        "report_rows", reportRows))
                .put("changes", t.changeCounts())
                .put("quality", t.quality().summary())
                .put("field_accuracy", FieldAccuracy.forManifest())
                .put("timings_ms", laps.millis())
                .put("versions", Manifest.versions(spark))
                .put("configuration", configuration(run.plan().fingerprint())));
        return new JobResult(out.target().toString(), decisions + quarantined, t.unique(), quarantined,
                parsed.byReason(), laps.millis(), headline(t.reports().get(Report.NATIONAL).rows().get(0)),
                largestCouncils(t.reports().get(Report.BY_COUNCIL).rows()), delta, t.quality().uncertainShare(),
                t.quality().noBody(), t.quality().unknownBodies());
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
            throw new Failure("--lgsco-council-data: " + e.getMessage(), ExitCode.INPUT, e);
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
