package uk.ombudsman.analytics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.ombudsman.analytics.fetch.Fetcher;

/** The one entry point: {@code ombudsman-analytics <command> [options]}. */
@Command(name = "ombudsman-analytics", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reports on Local Government and Social Care Ombudsman decisions: uphold rates, delays and "
                + "remedies per council and category.",
        subcommands = {RunCommand.class, NightlyCommand.class, FetchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the job failed (see the message; --verbose for details)",
            "2:bad command-line options",
            "3:the input is missing or unreadable",
            "4:the output cannot be written (the previous output is left as it was)",
            "5:nightly: another run holds the lock (fetch: another fetch into the same folder)",
            "6:nightly: the quarantined share is over the threshold (the run is not published)",
            Fetcher.EXIT_REFUSED + ":fetch: the site refused or has changed (nothing is lost; see the message)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code, without exiting (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, for example: run --help");
    }
}
