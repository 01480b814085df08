package uk.ombudsman.analytics.fetch;

import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;

/** Why a fetch stopped, in one line, with the exit code the command line returns. Nothing fetched is lost. */
public final class FetchFailure extends Failure {
    private static final long serialVersionUID = 1L;

    /** The kinds of stop, each with its exit code (README, "Getting the corpus"). */
    public enum Reason {
        /** The network failed, or the site kept failing (5xx): run again later, it resumes. */
        NETWORK(ExitCode.FAILED),
        /** Interrupted (the process is being stopped). */
        STOPPED(ExitCode.FAILED),
        /** The output folder cannot be written. */
        OUTPUT(ExitCode.OUTPUT),
        /** Another fetch into the same folder is running. */
        LOCKED(ExitCode.LOCKED),
        /**
         * The site refused this client or changed: a search page with neither its count nor results (a "shell"), a
         * decision page that is not one, 403, 429 or 503 past the retries, robots.txt forbidding the search.
         */
        REFUSED(ExitCode.REFUSED),
        /** The run ended without everything: a month not listed whole, a decision page not kept. */
        INCOMPLETE(ExitCode.INCOMPLETE),
        /** --max-time was up: the run stopped between two requests; the next goes on. */
        TIME_UP(ExitCode.INCOMPLETE);

        private final ExitCode exitCode;

        Reason(ExitCode exitCode) {
            this.exitCode = exitCode;
        }

        public ExitCode exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;

    FetchFailure(Reason reason, String message, Throwable cause) {
        super(message, reason.exitCode(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
