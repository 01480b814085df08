package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import uk.ombudsman.analytics.parsing.DecisionParser;

/**
 * The fetch's only way to the site, and where its manners live: one request at a time, never sooner after the
 * previous one than the interval (the longer of 1/--rate and robots.txt's Crawl-delay), a User-Agent that says what
 * it is, cookies kept for the session as a browser keeps them, waits on 429 and 503 as Retry-After says (or growing
 * ones), a bounded number of tries, and a line in the request log for every request.
 */
final class SiteClient {
    /** An answer: the status and the body's bytes exactly as served. */
    record Response(int status, byte[] body, HttpHeaders headers) {
    }

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAVAILABLE = 503;

    private final URI site;
    private final String userAgent;
    private final Politeness politeness;
    private final FetchState state;
    private final HttpClient http;
    private Duration interval;
    private RobotsTxt robots = RobotsTxt.ALLOW_ALL;
    /** System.nanoTime() when the last answer (or failure) came; the next request waits the interval from it. */
    private long lastAnswered = System.nanoTime() - Duration.ofDays(1).toNanos();
    /** System.nanoTime() before which the site asked not to be asked again, or backing off requires. */
    private long waitUntil = lastAnswered;
    private int requests;

    SiteClient(FetchOptions options, Politeness politeness, FetchState state) {
        this.site = options.site();
        this.userAgent = options.userAgent();
        this.politeness = politeness;
        this.state = state;
        this.interval = Duration.ofNanos(Math.round(1e9 / options.rate()));
        // Session cookies as a browser keeps them: the site is reported to serve an empty search to clients
        // without the session its decisions page starts (CPRT).
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(politeness.timeout())
                // One connection, one request on it at a time.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Reads robots.txt and from then on obeys it. A missing one (4xx) allows everything, as RFC 9309 says; a site
     * that cannot serve it (5xx) stops the run through the usual retries.
     */
    void readRobots() {
        Response r = get("/robots.txt", null);
        if (r.status() < 400) {
            robots = RobotsTxt.parse(new String(r.body(), StandardCharsets.UTF_8), Fetcher.AGENT);
            if (robots.crawlDelay().compareTo(interval) > 0) {
                interval = robots.crawlDelay();
            }
        }
    }

    boolean allows(String pathAndQuery) {
        return robots.allows(pathAndQuery);
    }

    Duration interval() {
        return interval;
    }

    int requests() {
        return requests;
    }

    /**
     * GETs a path of the site, retrying 429, 503, other 5xx and network errors up to the attempts allowed.
     *
     * @param referer the page a browser would be coming from, or null
     * @return any other answer, for the caller to judge
     */
    Response get(String pathAndQuery, String referer) {
        URI uri = URI.create(site + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(politeness.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.8");
        if (referer != null) {
            request.header("Referer", site + referer);
        }
        for (int attempt = 1; ; attempt++) {
            awaitTurn();
            Instant at = Instant.now();
            HttpResponse<byte[]> response;
            try {
                requests++;
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                answered(politeness.backoff(attempt));
                state.request(at, uri.toString(), null, 0, "", "network: " + e);
                if (attempt >= politeness.attempts()) {
                    throw new FetchFailure(FetchFailure.Reason.NETWORK, "network failure on " + uri + " after "
                            + attempt + " tries (" + e + "); run again to resume", e);
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped(e);
            }
            int status = response.statusCode();
            byte[] body = response.body();
            boolean busy = status == TOO_MANY_REQUESTS || status == UNAVAILABLE;
            Optional<Duration> asked = busy ? retryAfter(response.headers()) : Optional.empty();
            Duration wait = !busy && status < 500 ? Duration.ZERO : asked.orElse(politeness.backoff(attempt));
            answered(wait);
            state.request(at, uri.toString(), status, body.length, DecisionParser.sha256(body),
                    asked.map(d -> "retry-after " + d.toSeconds() + "s").orElse(""));
            if (busy) {
                if (wait.compareTo(politeness.longestWait()) > 0) {
                    throw new FetchFailure(FetchFailure.Reason.REFUSED, uri + " answered " + status + " and asked "
                            + "to wait " + wait.toSeconds() + " s; run again later", null);
                }
                if (attempt >= politeness.attempts()) {
                    throw new FetchFailure(FetchFailure.Reason.REFUSED, uri + " answered " + status + " " + attempt
                            + " times; run again later", null);
                }
            } else if (status >= 500) {
                if (attempt >= politeness.attempts()) {
                    throw new FetchFailure(FetchFailure.Reason.NETWORK, uri + " answered " + status + " " + attempt
                            + " times; run again later to resume", null);
                }
            } else {
                return new Response(status, body, response.headers());
            }
        }
    }

    /** The last answer came now; the next request waits the interval from it, and at least {@code extra}. */
    private void answered(Duration extra) {
        lastAnswered = System.nanoTime();
        waitUntil = Math.max(waitUntil, lastAnswered + extra.toNanos());
    }

    /** Sleeps until the interval since the last answer (as it is now: robots.txt may have lengthened it) is over. */
    private void awaitTurn() {
        try {
            long left;
            while ((left = Math.max(lastAnswered + interval.toNanos(), waitUntil) - System.nanoTime()) > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(e);
        }
    }

    private static FetchFailure stopped(InterruptedException e) {
        return new FetchFailure(FetchFailure.Reason.STOPPED, "stopped; run again to resume", e);
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110); a date in the past means now. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
