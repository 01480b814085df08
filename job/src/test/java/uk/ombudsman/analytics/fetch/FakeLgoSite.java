package uk.ombudsman.analytics.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import uk.ombudsman.analytics.fetch.SitePages.Style;
import uk.ombudsman.analytics.fetch.SitePages.TitlePlacement;

/**
 * An imitation of www.lgo.org.uk on 127.0.0.1, for tests: robots.txt, the decisions page (which starts a session
 * cookie), the decision search ({@code /Decisions/SearchResults?fd&td&page}, dates padded or not, newest first, ten a
 * page, "Your search has N results") and the decision pages, drawn by {@link SitePages}. It records every request,
 * so tests can assert what the site saw: the pace, what was never asked for, what was asked for twice.
 *
 * <p>It always serves a "shell" search page (the form, no count, no result) to a client without the session cookie
 * of /decisions, as CPRT reports the site does to some clients. Switches make it misbehave in the other ways the
 * real site may (src/docs/lgsco-site.md, sections 2 and 4): robots.txt rules, 429 or 503 with Retry-After,
 * withdrawn decisions (404, 410), slow answers, a decision published late into an old month, a different
 * zero-results sentence, cards without anchors, and a site that dies (drops every connection) after serving some
 * decision pages.
 */
public final class FakeLgoSite implements AutoCloseable {
    /** One request as the site saw it. */
    public record Hit(long nanos, Instant at, String path, String query, int status, String userAgent,
            boolean session) {
        public String target() {
            return query == null ? path : path + "?" + query;
        }

        public boolean isDecision() {
            return path.matches("/decisions/[^/]+/[^/]+/[^/]+");
        }

        public boolean isSearch() {
            return path.equals("/Decisions/SearchResults");
        }
    }

    /** The next so many requests whose path matches get this answer instead of the site's own. */
    private record Canned(Predicate<String> path, int status, AtomicInteger remaining, Map<String, String> headers,
            String body) {
    }

    static {
        // The JDK's server writes a response's headers and body apart; with Nagle's algorithm on, each answer waits
        // for the client's delayed acknowledgement (40 ms here), which would make every test crawl. Read once, when
        // the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String SESSION = "ASP.NET_SessionId";
    private static final DateTimeFormatter LOOSE_DATE = DateTimeFormatter.ofPattern("yyyy-M-d");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<SiteDecision> decisions;
    private final Set<String> withheld = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> withdrawn = new ConcurrentHashMap<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final List<Canned> overrides = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> noResultsFor = new ConcurrentHashMap<>();
    private final List<Map.Entry<Predicate<String>, Duration>> trickles = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Predicate<String>, Long>> huge = new CopyOnWriteArrayList<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private static final String RECEIVED_NANOS = "received-nanos";
    private static final String RECEIVED_AT = "received-at";
    private static final String RECORDED = "recorded";
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger decisionPagesServed = new AtomicInteger();
    private volatile int robotsStatus = 200;
    private volatile String robots = "User-agent: *\nDisallow:\n";
    private volatile Duration slow = Duration.ZERO;
    private volatile int dieAfterDecisionPages = -1;
    private volatile String noResultsText;
    private volatile boolean linksInData;
    private volatile boolean scriptedResults;
    private volatile int pageSize = SitePages.PAGE_SIZE;
    private volatile boolean unstableOrder;
    /** Each layout the real site may use, in turn: the title line in or before the article, and so on. */
    private final Function<Integer, Style> styles = i -> new Style(
            i % 2 == 0 ? TitlePlacement.IN_ARTICLE_HEADER : TitlePlacement.BEFORE_ARTICLE, i % 3 == 0, i % 4 == 1);

    private FakeLgoSite(List<SiteDecision> decisions) throws IOException {
        this.decisions = List.copyOf(decisions);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeLgoSite serving(List<SiteDecision> decisions) throws IOException {
        return new FakeLgoSite(decisions);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- switches ----

    public FakeLgoSite robots(int status, String text) {
        robotsStatus = status;
        robots = text;
        return this;
    }

    /** The next {@code times} requests whose path matches get {@code status}, with Retry-After unless null. */
    public FakeLgoSite throttle(Predicate<String> path, int status, int times, String retryAfter) {
        return answer(path, status, times, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
                "<html><body><h1>Too busy</h1></body></html>");
    }

    /** The next {@code times} requests whose path matches get this status, these headers and this body. */
    public FakeLgoSite answer(Predicate<String> path, int status, int times, Map<String, String> headers, String body) {
        overrides.add(new Canned(path, status, new AtomicInteger(times), headers, body));
        return this;
    }

    /** Results a search page shows (ten unless changed). */
    public FakeLgoSite pageSize(int size) {
        pageSize = size;
        return this;
    }

    /**
     * Decisions of the same date come in an order that changes from one page request to the next, as a search
     * sorted on the date alone may give them.
     */
    public FakeLgoSite unstableOrder(boolean on) {
        unstableOrder = on;
        return this;
    }

    /** The next {@code times} searches from this {@code fd} say "Your search has 0 results", as a busy site may. */
    public FakeLgoSite noResultsFor(LocalDate fd, int times) {
        noResultsFor.put(fd.toString(), new AtomicInteger(times));
        return this;
    }

    /** Answers whose path matches send their headers, then the body a byte at a time, this long apart. */
    public FakeLgoSite trickle(Predicate<String> path, Duration perByte) {
        trickles.add(Map.entry(path, perByte));
        return this;
    }

    /** Answers whose path matches are a page of this many bytes, streamed (never held whole here). */
    public FakeLgoSite huge(Predicate<String> path, long bytes) {
        huge.add(Map.entry(path, bytes));
        return this;
    }

    public FakeLgoSite withdraw(SiteDecision d, int status) {
        withdrawn.put(d.path(), status);
        return this;
    }

    /** Every answer waits this long first. */
    public FakeLgoSite slow(Duration delay) {
        slow = delay;
        return this;
    }

    /** Not yet published: absent from the search, its page not found. */
    public FakeLgoSite withhold(SiteDecision d) {
        withheld.add(d.path());
        return this;
    }

    public FakeLgoSite publish(SiteDecision d) {
        withheld.remove(d.path());
        return this;
    }

    /** After this many decision pages, every connection is dropped unanswered until {@link #revive}. */
    public FakeLgoSite dieAfterDecisionPages(int pages) {
        decisionPagesServed.set(0);
        dieAfterDecisionPages = pages;
        return this;
    }

    public FakeLgoSite revive() {
        dieAfterDecisionPages = -1;
        return this;
    }

    /** What a search with no results prints instead of "Your search has 0 results". */
    public FakeLgoSite noResultsText(String text) {
        noResultsText = text;
        return this;
    }

    /**
     * The search's results come only by script: every search page is a shell whose script asks for the results
     * (with the session cookie the shell sets, and the header a page's own requests carry) and writes them in. A
     * plain client never sees a result; a browser does.
     */
    public FakeLgoSite scriptedResults(boolean on) {
        scriptedResults = on;
        return this;
    }

    /** Result cards carry their decision's path in a data attribute, with no anchor. */
    public FakeLgoSite linksInData(boolean on) {
        linksInData = on;
        return this;
    }

    // ---- what the site saw ----

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public void forgetHits() {
        hits.clear();
    }

    /** The most requests it was ever answering at once. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    public List<SiteDecision> decisions() {
        return List.copyOf(decisions);
    }

    // ---- serving ----

    private void handle(HttpExchange ex) throws IOException {
        ex.setAttribute(RECEIVED_NANOS, System.nanoTime());
        ex.setAttribute(RECEIVED_AT, Instant.now());
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (dieAfterDecisionPages >= 0 && decisionPagesServed.get() >= dieAfterDecisionPages) {
                throw new IOException("the site is down"); // the server drops the connection unanswered
            }
            if (!slow.isZero()) {
                Thread.sleep(slow.toMillis());
            }
            answer(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            inFlight.decrementAndGet();
            if (ex.getAttribute(RECORDED) == null) {
                record(ex, -1); // no answer was sent
            }
            ex.close();
        }
    }

    /**
     * Records a request before its answer goes out: recorded after, a client could read the answer and a test
     * look at the hits before the last one was added.
     */
    private void record(HttpExchange ex, int status) {
        ex.setAttribute(RECORDED, Boolean.TRUE);
        hits.add(new Hit((Long) ex.getAttribute(RECEIVED_NANOS), (Instant) ex.getAttribute(RECEIVED_AT),
                ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), status,
                ex.getRequestHeaders().getFirst("User-Agent"), session(ex) != null));
    }

    private int answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        for (Canned o : overrides) {
            if (o.path().test(path) && o.remaining().getAndDecrement() > 0) {
                o.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                return send(ex, o.status(), o.body());
            }
        }
        for (Map.Entry<Predicate<String>, Long> h : huge) {
            if (h.getKey().test(path)) {
                return sendHuge(ex, h.getValue());
            }
        }
        if (path.equals("/robots.txt")) {
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            return send(ex, robotsStatus, robots);
        }
        if (path.equals("/decisions") || path.equals("/decisions/")) {
            if (session(ex) == null) {
                String id = UUID.randomUUID().toString();
                sessions.add(id);
                ex.getResponseHeaders().add("Set-Cookie", SESSION + "=" + id + "; path=/; HttpOnly; SameSite=Lax");
            }
            return send(ex, 200, SitePages.decisionsHome());
        }
        if (path.equals("/Decisions/SearchResults")) {
            return search(ex);
        }
        for (int i = 0; i < decisions.size(); i++) {
            SiteDecision d = decisions.get(i);
            if (d.path().equals(path) && !withheld.contains(path)) {
                Integer gone = withdrawn.get(path);
                if (gone != null) {
                    return send(ex, gone, "<html><body><h1>Page not found</h1></body></html>");
                }
                decisionPagesServed.incrementAndGet();
                return send(ex, 200, SitePages.decision(d, styles.apply(i)));
            }
        }
        return send(ex, 404, "<html><body><h1>Page not found</h1></body></html>");
    }

    private int search(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        if (scriptedResults && !"XMLHttpRequest".equals(ex.getRequestHeaders().getFirst("X-Requested-With"))) {
            String id = UUID.randomUUID().toString();
            sessions.add(id);
            ex.getResponseHeaders().add("Set-Cookie", SESSION + "=" + id + "; path=/; SameSite=Lax");
            return send(ex, 200, SitePages.scriptedShell());
        }
        if (session(ex) == null) {
            return send(ex, 200, SitePages.shell());
        }
        LocalDate fd = date(q.get("fd"), LocalDate.MIN);
        LocalDate td = date(q.get("td"), LocalDate.MAX);
        int page = q.containsKey("page") ? Integer.parseInt(q.get("page")) : 1;
        AtomicInteger noResults = noResultsFor.get(String.valueOf(date(q.get("fd"), null)));
        if (noResults != null && noResults.getAndDecrement() > 0) {
            return send(ex, 200, SitePages.results(List.of(), 0, 1, pageSize, "", noResultsText, linksInData));
        }
        // Unstable: the same date's decisions in an order that depends on the page asked for.
        Comparator<SiteDecision> newestFirst = Comparator.comparing(SiteDecision::date)
                .thenComparing(d -> unstableOrder ? Integer.toString((d.refSlug() + page).hashCode()) : d.refSlug())
                .reversed();
        List<SiteDecision> found = decisions.stream()
                .filter(d -> !withheld.contains(d.path()))
                .filter(d -> !d.date().isBefore(fd) && !d.date().isAfter(td))
                .filter(d -> !q.containsKey("aname") || d.body().equalsIgnoreCase(q.get("aname")))
                .sorted("ascending".equals(q.get("sortOrder")) ? newestFirst.reversed() : newestFirst)
                .toList();
        int size = pageSize;
        int from = (page - 1) * size;
        List<SiteDecision> shown = from >= found.size() ? List.of()
                : found.subList(from, Math.min(found.size(), from + size));
        String base = "fd=" + q.getOrDefault("fd", "") + "&td=" + q.getOrDefault("td", "");
        return send(ex, 200, SitePages.results(shown, found.size(), page, size, base, noResultsText, linksInData));
    }

    private String session(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String[] kv = cookie.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(SESSION) && sessions.contains(kv[1])) {
                    return kv[1];
                }
            }
        }
        return null;
    }

    private static LocalDate date(String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value, LOOSE_DATE);
        } catch (DateTimeParseException e) {
            return absent;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private int send(HttpExchange ex, int status, String body) throws IOException {
        record(ex, status);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        }
        Duration perByte = trickles.stream().filter(t -> t.getKey().test(ex.getRequestURI().getPath()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (perByte == null) {
                out.write(bytes);
            } else {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(perByte.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return status;
    }

    /** A 200 of {@code bytes} bytes of page, written in chunks until done or the client goes. */
    private int sendHuge(HttpExchange ex, long bytes) throws IOException {
        record(ex, 200);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes);
        byte[] chunk = "<p>padding padding padding</p>\n".repeat(2048).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
        }
        return 200;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The pages as served, for tests that compare them with what was saved. */
    public String pageOf(SiteDecision d) {
        return SitePages.decision(d, styles.apply(decisions.indexOf(d)));
    }

    /** The published decisions dated between two days. */
    public List<SiteDecision> listedBetween(LocalDate from, LocalDate to) {
        List<SiteDecision> out = new ArrayList<>();
        for (SiteDecision d : decisions) {
            if (!withheld.contains(d.path()) && !d.date().isBefore(from) && !d.date().isAfter(to)) {
                out.add(d);
            }
        }
        return out;
    }
}
