package uk.ombudsman.analytics.base;

/**
 * A failure the user can act on: a message written for them (one line, or a list the project composed) and the exit
 * code the command line returns. Every stop the project foresees is one; anything else is a bug, printed in a line.
 */
public class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public Failure(String message, ExitCode exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
