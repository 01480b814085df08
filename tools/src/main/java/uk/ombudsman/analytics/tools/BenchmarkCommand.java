package uk.ombudsman.analytics.tools;

import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--work", defaultValue = "tools/target/benchmark", paramLabel = "DIR",
            description = "Where the corpus and results go (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--driver-heap", defaultValue = "4g", paramLabel = "SIZE",
            description = "Heap of the Spark run's driver (default: ${DEFAULT-VALUE}).")
    String driverHeap;

    @Option(names = "--text", defaultValue = "generated", paramLabel = "generated|real",
            description = {"The corpus's text: the generator's phrasing (with its truth, checked), or real decisions' "
                    + "paragraphs recombined into decisions of about 22 KB (timing only; default: ${DEFAULT-VALUE}).",
                "Real text costs the parser several times what generated phrasing does: time a parser change on both."})
    String text;

    @Option(names = "--real-from", paramLabel = "DIR", split = ",",
            defaultValue = "src/sample/seeds,job/src/test/resources/gold/passages",
            description = "Folders of real decision text for --text real (default: ${DEFAULT-VALUE}).")
    List<Path> realFrom;

    @Option(names = "--parser-only", description = "Time only reading the files and the parser alone, one thread.")
    boolean parserOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (decisions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--decisions must be at least 1");
        }
        if (!text.equals("generated") && !text.equals("real")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--text must be generated or real");
        }
        Benchmark.run(new Benchmark.Options(decisions, work, seed, driverHeap, text.equals("real"), realFrom,
                parserOnly, System.getProperty("bench.jvmOptions"), System.getProperty("bench.runLocal")));
        return 0;
    }
}
