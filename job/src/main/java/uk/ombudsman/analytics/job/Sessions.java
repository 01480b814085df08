package uk.ombudsman.analytics.job;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession. The master comes from spark-submit when the job is submitted; only a local run names
 * one, and only then are the loopback bindings and the small-data defaults applied.
 */
public final class Sessions {
    public static final String APP_NAME = "lgsco-decision-analytics";

    private Sessions() {
    }

    /** @param master a master URL such as {@code local[2]}, or null to take spark-submit's */
    public static SparkSession create(String master) {
        return create(master, Map.of());
    }

    /**
     * @param master a master URL such as {@code local[2]}, or null to take spark-submit's
     * @param settings Spark settings given on the command line ({@code --conf}), which win over the defaults here
     */
    public static SparkSession create(String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setAppName(APP_NAME);
        settings.forEach(conf::set);
        boolean submitted = conf.contains("spark.master");
        if (!submitted) {
            String m = master == null ? "local[*]" : master;
            conf.setMaster(m);
            if (m.startsWith("local")) {
                localDefaults(conf);
            }
        } else if (master != null) {
            conf.setMaster(master);
        }
        // Dates come back as java.time values, the types the parser uses.
        conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
        // Our _manifest.json marks a complete output; Hadoop's _SUCCESS files are clutter. (So are the local file
        // system's .crc files, but it stays Hadoop's checksummed one, which S3A's upload buffers require: the output
        // drops them before it is published.)
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        // Local files' permissions set in-process, not by a chmod process per file written (PosixLocalFileSystem).
        conf.setIfMissing("spark.hadoop.fs.file.impl", PosixLocalFileSystem.class.getName());
        // Percentile aggregates fall back to sort-based aggregation past 128 groups per task by default; the
        // council-by-category report has thousands of groups and spent most of its time sorting.
        conf.setIfMissing("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "100000");
        // The decision bean has more fields than Spark prints by default; avoid a warning on every run.
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "100");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * Up to this many files listed, a run's queries are evaluated interpreted instead of compiled. Spark compiles
     * each query's code (Janino) before it runs: seconds on a run's first queries, which a run over a few thousand
     * decisions never earns back. Paired whole runs on Java 17, 2026-12-07: the five-decision sample 0.81 of the
     * time (4 pairs, 19.1 s against 23.9 s, peak memory 838 against 1,258 MiB); 20,000 decisions of real text 0.96
     * (3 pairs, range 0.85 to 1.05); every CSV byte-identical. Larger runs were not measured, so they keep compiling.
     */
    static final long INTERPRETED_UP_TO_FILES = 20_000;
    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    /** Spark's own interpreted fallback for each expression; an internal setting, tested by Spark (pinned in the pom). */
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

    /**
     * Sets how this run's queries are evaluated, by the number of files listed ({@link #INTERPRETED_UP_TO_FILES}),
     * unless the command line's {@code --conf} set it. Set on every run both ways, since tests share one session.
     */
    public static void evaluateFor(SparkSession spark, long filesListed) {
        boolean interpreted = filesListed <= INTERPRETED_UP_TO_FILES;
        SparkConf given = spark.sparkContext().getConf();
        if (!given.contains(WHOLE_STAGE)) {
            spark.conf().set(WHOLE_STAGE, Boolean.toString(!interpreted));
        }
        if (!given.contains(FACTORY_MODE)) {
            spark.conf().set(FACTORY_MODE, interpreted ? "NO_CODEGEN" : "FALLBACK");
        }
    }

    /** What a laptop run wants: no UI, loopback only, few shuffle partitions. */
    static void localDefaults(SparkConf conf) {
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    }
}
