package uk.ombudsman.analytics.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.Redaction;
import uk.ombudsman.analytics.job.ReportSettings;
import uk.ombudsman.analytics.job.Sessions;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.PeerComparison;
import uk.ombudsman.analytics.reports.YearBasis;

/** The options every command that runs the job shares, and what they do: one place for both. */
final class JobOptions {
    @Option(names = "--councils", paramLabel = "CSV",
            description = "A councils CSV (name,aliases,body_type,region,gss_code,status,successor[,population]) that "
                    + "extends or overrides the bundled list, row by row on the name.")
    Path councils;

    @Option(names = "--population-year", defaultValue = "" + CouncilDirectory.DEFAULT_POPULATION_YEAR,
            paramLabel = "YEAR", description = "ONS mid-year population estimates behind the per-100,000 figures: "
                    + "2023 (default: the ONS's own workbook) or 2024 (a re-export of the ONS table).")
    int populationYear;

    @Option(names = "--min-investigations", defaultValue = "" + PeerComparison.DEFAULT_MIN_INVESTIGATIONS,
            paramLabel = "N", description = "Councils with fewer investigations are marked too few to rank "
                    + "(default: ${DEFAULT-VALUE}).")
    int minInvestigations;

    @Option(names = "--year-basis", defaultValue = "financial", paramLabel = "BASIS",
            converter = YearBasisConverter.class, description = "The years every yearly report counts in: financial "
                    + "(1 April to 31 March, as the Ombudsman counts; default) or calendar.")
    YearBasis yearBasis;

    @Option(names = "--lgsco-council-data", paramLabel = "CSV",
            description = "The Ombudsman's own per-council figures (its published table's columns, see README), to "
                    + "reconcile this run's council_performance with, council by council.")
    Path lgscoCouncilData;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]. Leave unset under spark-submit, which sets it.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A Spark setting, as spark-submit takes it; repeatable. Hadoop settings go as "
                    + "spark.hadoop.*, e.g. spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000. Values of settings "
                    + "named like secrets are never printed or written.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Spark's own logs at INFO and full stack traces on failure.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    /** Checks what can be checked before Spark starts. */
    void validate() {
        Redaction.secretsOf(conf);
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new Failure("--conf " + key + ": Spark settings start with 'spark.' (Hadoop's go as "
                        + "spark.hadoop." + key + ")", ExitCode.USAGE, null);
            }
        }
        if (councils != null && !Files.isReadable(councils)) {
            throw new Failure("councils file not found or unreadable: " + councils, ExitCode.INPUT, null);
        }
        if (!CouncilDirectory.POPULATION_YEARS.contains(populationYear)) {
            throw new Failure("--population-year must be one of " + CouncilDirectory.POPULATION_YEARS + ", not "
                    + populationYear, ExitCode.USAGE, null);
        }
        if (minInvestigations < 1) {
            throw new Failure("--min-investigations must be at least 1, not " + minInvestigations,
                    ExitCode.USAGE, null);
        }
        if (lgscoCouncilData != null && !Files.isReadable(lgscoCouncilData)) {
            throw new Failure("--lgsco-council-data: file not found or unreadable: " + lgscoCouncilData,
                    ExitCode.INPUT, null);
        }
    }

    ReportSettings reports() {
        return new ReportSettings(minInvestigations, populationYear, yearBasis, lgscoCouncilData);
    }

    /** "financial" or "calendar", in any case. */
    static final class YearBasisConverter implements picocli.CommandLine.ITypeConverter<YearBasis> {
        @Override
        public YearBasis convert(String value) {
            try {
                return YearBasis.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a year basis: financial or calendar");
            }
        }
    }

    SparkSession session() {
        if (verbose) {
            // Every logger, Spark's and Hadoop's included, which the bundled log4j2 settings quieten by name (Spark's
            // setLogLevel changes the root alone), and from before the session starts.
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
        }
        SparkSession spark = Sessions.create(master, conf);
        if (!verbose) {
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** One line per stage, with the time since {@code startNanos}. */
    static JobProgress stageLines(java.io.PrintWriter to, long startNanos) {
        return new JobProgress() {
            @Override
            public void stage(Stage stage) {
                line(stage.label());
            }

            @Override
            public void files(long done, long total) {
                line(String.format("  %,d of %,d files parsed", done, total));
            }

            private void line(String text) {
                to.printf("[%5.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, text);
                to.flush();
            }
        };
    }
}
