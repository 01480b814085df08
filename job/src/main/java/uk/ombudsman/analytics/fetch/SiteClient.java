package uk.ombudsman.analytics.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.ombudsman.analytics.base.Digests;

/**
 * The fetch's only way to the site, and where its manners live: one request at a time, never sooner after the
 * previous one than the interval (the longer of 1/--rate and robots.txt's Crawl-delay), a User-Agent that says what
 * it is, cookies kept for the session as a browser keeps them, waits on 429 and 503 as Retry-After says (or growing
 * ones), a bounded number of tries, and a line in the request log for every request.
 *
 * <p>Whatever the site does, a request ends: a deadline covers the whole answer, body included (the client's own
 * timeout stops at the headers, so a body sent a byte at a time would hold the run for ever), bodies are read into
 * memory only up to a cap, and redirects are followed by hand, on the same site only, each hop paced, logged and
 * checked against robots.txt.
 */
final class SiteClient {
    /**
     * An answer: the status and the body's bytes exactly as served, or why there is no answer to use.
     *
     * @param failure null for an answer; else why none can be used (too large, redirected off the site or to a path
     *     robots.txt disallows, too many redirects): the caller treats it as a failure of that page
     */
    record Response(int status, byte[] body, HttpHeaders headers, String failure) {
        boolean ok() {
            return failure == null && status == 200;
        }
    }

    /** The most Crawl-delay this fetch obeys: beyond it a month of the search would take a day. */
    static final Duration LONGEST_CRAWL_DELAY = Duration.ofSeconds(60);
    /** A decision page is about 100 KB; a search page less. Anything past this is not one of them. */
    static final int MOST_BYTES = 16 * 1024 * 1024;
    private static final int MOST_REDIRECTS = 5;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAVAILABLE = 503;

    private final URI site;
    private final String userAgent;
    private final Politeness politeness;
    private final FetchState state;
    private final HttpClient http;
    /** System.nanoTime() after which no request is started (--max-time), or Long.MAX_VALUE. */
    private final long stopAt;
    private Duration interval;
    private RobotsTxt robots = RobotsTxt.ALLOW_ALL;
    /** System.nanoTime() when the last answer (or failure) came; the next request waits the interval from it. */
    private long lastAnswered = System.nanoTime() - Duration.ofDays(1).toNanos();
    /** System.nanoTime() before which the site asked not to be asked again, or backing off requires. */
    private long waitUntil = lastAnswered;
    private int requests;
    /** The browser given with --browser, or null; search pages go through it once {@link #rendering}. */
    private final Browser browser;
    private boolean rendering;

    SiteClient(FetchOptions options, Politeness politeness, FetchState state) {
        this.site = options.site();
        this.userAgent = options.userAgent();
        this.politeness = politeness;
        this.state = state;
        this.interval = Duration.ofNanos(Math.round(1e9 / options.rate()));
        this.stopAt = options.maxTime() == null ? Long.MAX_VALUE : System.nanoTime() + options.maxTime().toNanos();
        this.browser = options.browser() == null ? null : new Browser(options.browser(),
                options.out().resolve(FetchState.FOLDER).resolve("browser"), userAgent);
        // Session cookies as a browser keeps them: the site is reported to serve an empty search to clients
        // without the session its decisions page starts (CPRT).
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(politeness.timeout())
                // One connection, one request on it at a time.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Reads robots.txt and from then on obeys it. A missing one (4xx) allows everything, as RFC 9309 says; a site
     * that cannot serve it (5xx) stops the run through the usual retries; a Crawl-delay past the longest this fetch
     * obeys stops it too, rather than run for days.
     *
     * @return the answer, as served
     */
    Response readRobots() {
        Response r = get("/robots.txt", null);
        if (r.failure() != null) {
            throw new FetchFailure(FetchFailure.Reason.REFUSED, "/robots.txt: " + r.failure(), null);
        }
        if (r.status() < 400) {
            robots = RobotsTxt.parse(new String(r.body(), StandardCharsets.UTF_8), Fetcher.AGENT);
            if (robots.crawlDelay().compareTo(LONGEST_CRAWL_DELAY) > 0) {
                throw new FetchFailure(FetchFailure.Reason.REFUSED, "robots.txt asks for a Crawl-delay of "
                        + robots.crawlDelay().toSeconds() + " s, more than the " + LONGEST_CRAWL_DELAY.toSeconds()
                        + " s this fetch will wait between requests (a month of the search would take days); ask the "
                        + "site's operators, or fetch with another tool", null);
            }
            if (robots.crawlDelay().compareTo(interval) > 0) {
                interval = robots.crawlDelay();
            }
        }
        return r;
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
     * GETs a path of the site, retrying 429, 503, other 5xx, network errors and answers past the deadline up to the
     * attempts allowed, and following same-site redirects.
     *
     * @param referer the page a browser would be coming from, or null
     * @return any other answer, for the caller to judge
     * @throws FetchFailure past the tries, or when --max-time is up
     */
    Response get(String pathAndQuery, String referer) {
        if (rendering && pathAndQuery.startsWith(Fetcher.SEARCH)) {
            return render(pathAndQuery);
        }
        String path = pathAndQuery;
        for (int hops = 0; ; hops++) {
            Response r = getOnce(path, referer);
            if (r.failure() != null || r.status() < 300 || r.status() >= 400 || r.status() == 304) {
                return r;
            }
            String location = r.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return r;
            }
            URI target = URI.create(site + path).resolve(location.strip());
            if (!sameSite(target)) {
                return failed(r.status(), "redirected to another site (" + target + "); not followed");
            }
            String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            if (!robots.allows(next)) {
                return failed(r.status(), "redirected to " + next + ", which robots.txt disallows; not followed");
            }
            if (hops >= MOST_REDIRECTS) {
                return failed(r.status(), "more than " + MOST_REDIRECTS + " redirects; not followed");
            }
            referer = null;
            path = next;
        }
    }

    /** Whether a browser was given, so search pages can be rendered where plain requests get a shell. */
    boolean canRender() {
        return browser != null;
    }

    /** From now on, search pages are rendered in the browser (its requests paced and logged like the others). */
    void renderSearches() {
        rendering = true;
    }

    /** A search page as the browser leaves it once its scripts have run, retried like any request. */
    private Response render(String pathAndQuery) {
        URI uri = URI.create(site + pathAndQuery);
        for (int attempt = 1; ; attempt++) {
            awaitTurnInTime();
            Instant at = Instant.now();
            requests++;
            try {
                byte[] dom = browser.render(uri, politeness.timeout().plus(Browser.START_UP), MOST_BYTES);
                answered(Duration.ZERO);
                // The browser does not say what status the page came with: it printed a document, so 200.
                state.request(at, uri.toString(), 200, dom.length, Digests.sha256(dom), "rendered by " + browser);
                return new Response(200, dom, HttpHeaders.of(Map.of(), (x, y) -> true), null);
            } catch (IOException e) {
                answered(politeness.backoff(attempt));
                state.request(at, uri.toString(), null, 0, "", "browser: " + e.getMessage());
                if (attempt >= politeness.attempts()) {
                    throw new FetchFailure(FetchFailure.Reason.NETWORK, e.getMessage() + " (" + attempt
                            + " tries); run again to resume", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped(e);
            }
        }
    }

    private boolean sameSite(URI target) {
        return site.getScheme().equalsIgnoreCase(target.getScheme())
                && site.getHost().equalsIgnoreCase(target.getHost()) && port(site) == port(target);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Response failed(int status, String why) {
        return new Response(status, new byte[0], HttpHeaders.of(Map.of(), (a, b) -> true), why);
    }

    private Response getOnce(String pathAndQuery, String referer) {
        URI uri = URI.create(site + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(politeness.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.8");
        if (referer != null) {
            request.header("Referer", site + referer);
        }
        for (int attempt = 1; ; attempt++) {
            awaitTurnInTime();
            Instant at = Instant.now();
            HttpResponse<byte[]> response;
            CappedBody body = new CappedBody(MOST_BYTES);
            try {
                requests++;
                response = send(request.build(), body);
            } catch (TooLarge e) {
                answered(Duration.ZERO);
                state.request(at, uri.toString(), null, e.bytes, "", "aborted past " + MOST_BYTES + " bytes");
                return failed(0, "answered more than " + MOST_BYTES / (1024 * 1024) + " MB; aborted, not saved");
            } catch (IOException | TimeoutException e) {
                answered(politeness.backoff(attempt));
                String why = e instanceof TimeoutException ? "no whole answer within " + politeness.timeout().toSeconds()
                        + " s" : e.toString();
                state.request(at, uri.toString(), null, 0, "", "network: " + why);
                if (attempt >= politeness.attempts()) {
                    throw new FetchFailure(FetchFailure.Reason.NETWORK, "network failure on " + uri + " after "
                            + attempt + " tries (" + why + "); run again to resume", e);
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped(e);
            }
            int status = response.statusCode();
            byte[] bytes = response.body();
            boolean busy = status == TOO_MANY_REQUESTS || status == UNAVAILABLE;
            Optional<Duration> asked = busy ? retryAfter(response.headers()) : Optional.empty();
            Duration wait = !busy && status < 500 ? Duration.ZERO : asked.orElse(politeness.backoff(attempt));
            answered(wait);
            String note = asked.map(d -> "retry-after " + d.toSeconds() + "s").orElse("");
            if (status >= 300 && status < 400) {
                note = "redirect to " + response.headers().firstValue("Location").orElse("(none)");
            }
            state.request(at, uri.toString(), status, bytes.length, Digests.sha256(bytes), note);
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
                return new Response(status, bytes, response.headers(), null);
            }
        }
    }

    /**
     * One exchange within the deadline, body included. Past it, the body's subscription is cancelled, which closes
     * the connection, so nothing is left reading.
     */
    private HttpResponse<byte[]> send(HttpRequest request, CappedBody body)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> body);
        try {
            return answer.get(politeness.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            body.cancel();
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** A body longer than the cap: the read was aborted there. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final transient int bytes;

        TooLarge(int bytes) {
            super("more than " + bytes + " bytes");
            this.bytes = bytes;
        }
    }

    /** Collects a body up to a cap, cancelling the exchange past it; can be cancelled from outside. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (bytes.size() + b.remaining() > cap) {
                    result.completeExceptionally(new TooLarge(bytes.size() + b.remaining()));
                    cancel();
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(new IOException("cancelled"));
        }
    }

    /** The last answer came now; the next request waits the interval from it, and at least {@code extra}. */
    private void answered(Duration extra) {
        lastAnswered = System.nanoTime();
        waitUntil = Math.max(waitUntil, lastAnswered + extra.toNanos());
    }

    /** Waits for this request's turn, then stops the run if --max-time is up: no request starts after it. */
    private void awaitTurnInTime() {
        awaitTurn();
        if (System.nanoTime() > stopAt) {
            throw new FetchFailure(FetchFailure.Reason.TIME_UP, "--max-time is up; what was fetched is kept, "
                    + "and the next run goes on from there", null);
        }
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
