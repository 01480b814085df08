package uk.ombudsman.analytics.job;

/** A failure the user can act on, with a one-line message and the exit code the command line returns. */
public class JobFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public JobFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
