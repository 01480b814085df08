package uk.ombudsman.analytics.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.ombudsman.analytics.base.ExitCode;

/** The one entry point: {@code ombudsman-analytics <command> [options]}. */
@Command(name = "ombudsman-analytics", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reports on Local Government and Social Care Ombudsman decisions: uphold rates, delays and "
                + "remedies per council and category.",
        subcommands = {RunCommand.class, NightlyCommand.class, FetchCommand.class})
public final class Main implements Runnable, Returns {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Where the launcher records what a run loads, for a Java 25 start-up cache (jobs/lib/common.sh), it names here a
     * file to create if the run succeeds: a cache is assembled only from a run that did its whole work, never from
     * one refused at the lock, failed or stopped, which loads a fraction of the classes a run needs.
     */
    static final String RECORDING_SUCCEEDED = "lgsco.aot.recorded";

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int code = cli.execute(args);
        markRecording(code, cli.getParseResult());
        System.exit(code);
    }

    /**
     * Creates the file {@link #RECORDING_SUCCEEDED} names, where it names one, if the run exits with 0 having done a
     * command's work: not one that only printed its help or version, which loads a few of a run's classes.
     */
    static void markRecording(int exitCode, CommandLine.ParseResult parsed) {
        String mark = System.getProperty(RECORDING_SUCCEEDED);
        if (exitCode == 0 && mark != null && !onlyHelp(parsed)) {
            try {
                Files.write(Path.of(mark), new byte[0]);
            } catch (IOException e) {
                // Without the mark the next run records again: slower once, never wrong.
            }
        }
    }

    private static boolean onlyHelp(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command line and returns its exit code, without exiting (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its failure handler, every command's help listing the exit codes it can return. */
    static CommandLine commandLine() {
        ExitCode.publishForHelp();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new FailureHandler());
        List<CommandLine> commands = new ArrayList<>(List.of(cli));
        commands.addAll(cli.getSubcommands().values());
        for (CommandLine c : commands) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCode.help(((Returns) c.getCommand()).exitCodes()));
        }
        return cli;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.values());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, for example: run --help");
    }
}
