package uk.ombudsman.analytics.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.ombudsman.analytics.cli.FailureHandler;
import uk.ombudsman.analytics.cli.VersionProvider;

/**
 * The developers' tools, apart from the job: they are not in the jar a cluster is given (jobs/generate-corpus.sh
 * and jobs/benchmark.sh run them from the build's classes).
 */
@Command(name = "ombudsman-analytics-tools", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tools for developing the job: a generated corpus with its truth, the benchmark, and training the sentence models.",
        subcommands = {GenerateCommand.class, BenchmarkCommand.class, TrainCommand.class})
public final class ToolsMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ToolsMain());
        cli.setExecutionExceptionHandler(new FailureHandler());
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a tool: generate, benchmark or train");
    }
}
