package uk.ombudsman.analytics.fetch;

import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobFailure;
import uk.ombudsman.analytics.nightly.NightlyRun;

/** Why a fetch stopped, in one line, with the exit code the command line returns. Nothing fetched is lost. */
public final class FetchFailure extends JobFailure {
    private static final long serialVersionUID = 1L;

    /** The kinds of stop, each with its exit code (README, "Getting the corpus"). */
    public enum Reason {
        /** The network failed, or the site kept failing (5xx): run again later, it resumes. */
        NETWORK(DecisionJob.EXIT_FAILED),
        /** Interrupted (the process is being stopped). */
        STOPPED(DecisionJob.EXIT_FAILED),
        /** The output folder cannot be written. */
        OUTPUT(DecisionJob.EXIT_OUTPUT),
        /** Another fetch into the same folder is running. */
        LOCKED(NightlyRun.EXIT_LOCKED),
        /**
         * The site refused this client or changed: a search page with neither its count nor results (a "shell"), a
         * decision page that is not one, 403, 429 or 503 past the retries, robots.txt forbidding the search.
         */
        REFUSED(Fetcher.EXIT_REFUSED),
        /** The run ended without everything: a month not listed whole, a decision page not kept. */
        INCOMPLETE(Fetcher.EXIT_INCOMPLETE),
        /** --max-time was up: the run stopped between two requests; the next goes on. */
        TIME_UP(Fetcher.EXIT_INCOMPLETE);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
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
