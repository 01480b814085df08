package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import uk.ombudsman.analytics.base.Digests;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.export.AtomicOutput;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.Columns;

/**
 * What a run reads: the listing of the input and, for an incremental run, the previous run it builds on. Turns
 * them into the run's input tables: every record (before duplicates are merged), the quarantine and each file's
 * digest, parsing only the files that are new or changed since the previous run.
 */
final class InputPlan {
    /** The key in the manifest's configuration that says what a parse depends on besides the file. */
    static final String FINGERPRINT = "parse_fingerprint";

    /** Every record before duplicates are merged, the quarantine rows, and each file's digest. */
    record Inputs(Dataset<Row> decisions, Dataset<Row> quarantine, Dataset<Row> files, JobResult.Delta delta) {
    }

    /** Makes the progress reporter for a parse of so many files (so the job can close it). */
    interface Progress {
        FileProgress forFiles(long files);
    }

    private final SparkSession spark;
    private final CorpusFiles.Listing listing;
    private final Path previous;
    private final String fingerprint;

    private InputPlan(SparkSession spark, CorpusFiles.Listing listing, Path previous, String fingerprint) {
        this.spark = spark;
        this.listing = listing;
        this.previous = previous;
        this.fingerprint = fingerprint;
    }

    /** Lists the input and finds the previous run to build on, if it is usable. */
    static InputPlan make(SparkSession spark, JobConfig config, CouncilDirectory councils) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        CorpusFiles.Listing listing = list(new Path(config.input()), hadoop);
        String fingerprint = fingerprint(councils);
        return new InputPlan(spark, listing, usablePrevious(config.previous(), fingerprint, hadoop), fingerprint);
    }

    CorpusFiles.Listing listing() {
        return listing;
    }

    /** The previous run this one builds on, or null for a full run. */
    Path previous() {
        return previous;
    }

    String fingerprint() {
        return fingerprint;
    }

    /**
     * The run's input tables, parsing what must be parsed; null when nothing at all changed since the previous run.
     * Every table cached on the way is added to {@code cached}, for the caller to release.
     */
    Inputs read(DecisionParser parser, Progress progress, List<Dataset<?>> cached) {
        return previous == null ? full(parser, progress, cached) : incremental(parser, progress, cached);
    }

    private Inputs full(DecisionParser parser, Progress progress, List<Dataset<?>> cached) {
        FileProgress files = progress.forFiles(listing.count());
        Dataset<ParsedFile> parsed = CorpusFiles.parse(spark, listing, parser, files.counter(), files.span())
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(parsed);
        return new Inputs(DecisionTable.decisions(parsed), DecisionTable.quarantine(parsed),
                parsed.select(col("source").as(Columns.SOURCE), col("sha256").as(Columns.SOURCE_SHA256)),
                new JobResult.Delta(JobResult.Delta.FULL, listing.count(), 0, 0));
    }

    /**
     * Parses only the files that are new or whose content changed since the previous run, and carries the
     * previous run's records of every other file over.
     */
    private Inputs incremental(DecisionParser parser, Progress progress, List<Dataset<?>> cached) {
        Dataset<Row> digests = CorpusFiles.digests(spark, listing).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(digests);
        Dataset<Row> before = read(OutputLayout.FILE_INDEX);
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
        FileProgress files = progress.forFiles(toParse.size());
        Dataset<ParsedFile> parsed = CorpusFiles.parse(spark, listing.only(toParse), parser, files.counter(),
                files.span()).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(parsed);
        Dataset<Row> fresh = DecisionTable.decisions(parsed);
        Dataset<Row> carried = DecisionTable.fromPreviousRun(
                read(OutputLayout.DECISIONS).unionByName(read(OutputLayout.SUPERSEDED)), fresh.columns())
                .join(unchanged, Columns.SOURCE, "left_semi");
        Dataset<Row> quarantine = read(OutputLayout.QUARANTINE).join(unchanged, Columns.SOURCE, "left_semi")
                .unionByName(DecisionTable.quarantine(parsed));
        return new Inputs(carried.unionByName(fresh), quarantine, digests, new JobResult.Delta(
                JobResult.Delta.INCREMENTAL, toParse.size(), listing.count() - toParse.size(), removed));
    }

    /** One of the previous run's Parquet outputs. */
    Dataset<Row> read(String output) {
        return spark.read().parquet(new Path(previous, output).toString());
    }

    private static CorpusFiles.Listing list(Path input, Configuration hadoop) {
        try {
            FileSystem fs = input.getFileSystem(hadoop);
            if (!fs.exists(input)) {
                throw new Failure("input not found: " + input, ExitCode.INPUT, null);
            }
            return CorpusFiles.list(input, hadoop);
        } catch (IOException e) {
            throw new Failure("cannot read the input " + input + ": " + e.getMessage(), ExitCode.INPUT, e);
        }
    }

    /**
     * The previous run to build on, or null for a full run: none was given, it is incomplete, or it was parsed by
     * another build of the parser or with another councils list (its records would differ from a fresh parse).
     */
    private static Path usablePrevious(String previousRun, String fingerprint, Configuration hadoop) {
        if (previousRun == null) {
            return null;
        }
        Path given = new Path(previousRun);
        try {
            FileSystem fs = given.getFileSystem(hadoop);
            // An output on an object store keeps its runs side by side and names the complete one in a pointer.
            Path previous = AtomicOutput.latest(fs, given);
            if (previous == null) {
                return null;
            }
            Path manifest = new Path(previous, OutputLayout.MANIFEST);
            if (!fs.exists(manifest) || !fs.exists(new Path(previous, OutputLayout.FILE_INDEX))) {
                return null;
            }
            try (InputStream in = fs.open(manifest)) {
                Object theirs = ((Map<?, ?>) Manifest.read(in).getOrDefault("configuration", Map.of()))
                        .get(FINGERPRINT);
                return fingerprint.equals(theirs) ? fs.makeQualified(previous) : null;
            }
        } catch (IOException e) {
            throw new Failure("cannot read the previous run " + given + ": " + e.getMessage(),
                    ExitCode.INPUT, e);
        }
    }

    /** Identifies what a parse depends on besides the file: the build of the parser and the councils list. */
    private static String fingerprint(CouncilDirectory councils) {
        String build = Manifest.applicationVersion() + "@" + Manifest.applicationBuild();
        return build + ":" + Digests.sha256(councils.all().toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }
}
