package uk.ombudsman.analytics.cli;

import picocli.CommandLine;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.job.Redaction;

/** A failure becomes a clear message on stderr (one line unless the project wrote it as a list) and an exit code; the stack trace only with --verbose. */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The project's own failures are written for the user (a list of what is missing, say); others get a line.
        cli.getErr().println("error: " + Redaction.text(e instanceof Failure ? message : firstLine(message)));
        if (verbose) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            cli.getErr().print(Redaction.text(trace.toString()));
        } else if (!(e instanceof Failure)) {
            cli.getErr().println("(run again with --verbose for the full trace)");
        }
        return (e instanceof Failure f ? f.exitCode() : ExitCode.FAILED).code();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
