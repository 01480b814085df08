package uk.ombudsman.analytics.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobFailure;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.job.Sessions;

/** {@code run}: parse a corpus and write every report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Parse a folder of decisions (local path or Hadoop URI) and write decisions, quarantine, "
                + "reports and _manifest.json to the output folder, replacing it only when the run is complete.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Folder (read recursively) or file of decisions: text or HTML, any Hadoop URI.")
    String input;

    @Option(names = "--output", defaultValue = "output", paramLabel = "PATH",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]. Leave unset under spark-submit, which sets it.")
    String master;

    @Option(names = "--councils", paramLabel = "CSV",
            description = "A councils CSV (name,aliases,body_type,region,ons_code,population,status) that extends "
                    + "or overrides the bundled list.")
    Path councils;

    @Option(names = "--verbose", description = "Spark's own logs at INFO and full stack traces on failure.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (councils != null && !Files.isReadable(councils)) {
            throw new JobFailure("councils file not found or unreadable: " + councils, DecisionJob.EXIT_INPUT, null);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = Sessions.create(master);
        spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
        long start = System.nanoTime();
        JobResult result = new DecisionJob(spark, new JobConfig(input, output, councils), stage -> {
            if (!quiet) {
                err.printf("[%5.1fs] %s%n", (System.nanoTime() - start) / 1e9,
                        stage.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                err.flush();
            }
        }).run();
        if (!quiet) {
            Summary.print(result, (System.nanoTime() - start) / 1e9, out);
        }
        return 0;
    }
}
