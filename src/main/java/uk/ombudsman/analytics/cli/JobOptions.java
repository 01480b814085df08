package uk.ombudsman.analytics.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobFailure;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.Sessions;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.PeerComparison;

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

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]. Leave unset under spark-submit, which sets it.")
    String master;

    @Option(names = "--verbose", description = "Spark's own logs at INFO and full stack traces on failure.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    /** Checks what can be checked before Spark starts. */
    void validate() {
        if (councils != null && !Files.isReadable(councils)) {
            throw new JobFailure("councils file not found or unreadable: " + councils, DecisionJob.EXIT_INPUT, null);
        }
        if (!CouncilDirectory.POPULATION_YEARS.contains(populationYear)) {
            throw new JobFailure("--population-year must be one of " + CouncilDirectory.POPULATION_YEARS + ", not "
                    + populationYear, picocli.CommandLine.ExitCode.USAGE, null);
        }
        if (minInvestigations < 1) {
            throw new JobFailure("--min-investigations must be at least 1, not " + minInvestigations,
                    picocli.CommandLine.ExitCode.USAGE, null);
        }
    }

    SparkSession session() {
        SparkSession spark = Sessions.create(master);
        spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
        return spark;
    }

    /** One line per stage, with the time since {@code startNanos}. */
    static JobProgress stageLines(java.io.PrintWriter to, long startNanos) {
        return new JobProgress() {
            @Override
            public void stage(Stage stage) {
                line(stage.name().toLowerCase(Locale.ROOT).replace('_', ' '));
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
