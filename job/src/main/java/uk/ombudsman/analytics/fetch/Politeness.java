package uk.ombudsman.analytics.fetch;

import java.time.Duration;

/**
 * How the fetch waits and retries. The defaults are for the real site; tests shorten them.
 *
 * @param attempts tries per request before giving up (429, 503, 5xx, network errors)
 * @param backoff the first wait after a failed try where the site names none; doubled on each further try
 * @param longestWait a Retry-After longer than this stops the run instead of holding it
 * @param timeout for connecting and for a whole response
 */
public record Politeness(int attempts, Duration backoff, Duration longestWait, Duration timeout) {
    /** Four tries 10, 20 and 40 s apart; a 45 s page is slow but served (LDH's timeout), so 60 s. */
    public static final Politeness DEFAULT = new Politeness(4, Duration.ofSeconds(10), Duration.ofMinutes(10),
            Duration.ofSeconds(60));

    Duration backoff(int failedTries) {
        return backoff.multipliedBy(1L << Math.min(failedTries - 1, 16));
    }
}
