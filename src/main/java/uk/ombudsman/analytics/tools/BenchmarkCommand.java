package uk.ombudsman.analytics.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.bench.Benchmark;

/** {@code benchmark}: the floor, the parser alone, Spark end to end and DuckDB, on one generated corpus. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Generate a corpus (once, then reused) and time, each in its own JVM: reading every file, the "
                + "parser alone on one thread, the Spark job in local[2] end to end, and DuckDB reading the same "
                + "files. Prints one table with the ratios, checks the job's reports against the truth, and writes "
                + "the results as CSV in the work folder.",
            "DuckDB must be on the classpath: jobs/benchmark.sh puts it there (Maven profile 'bench')."})
public final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--decisions", defaultValue = "100000", paramLabel = "N",
            description = "Decisions to generate (default: ${DEFAULT-VALUE}).")
    int decisions;

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "DIR",
            description = "Where the corpus and results go (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--driver-heap", defaultValue = "4g", paramLabel = "SIZE",
            description = "Heap of the Spark run's driver (default: ${DEFAULT-VALUE}).")
    String driverHeap;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (decisions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--decisions must be at least 1");
        }
        Benchmark.run(decisions, work, seed, driverHeap);
        return 0;
    }
}
