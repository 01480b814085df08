package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.ombudsman.analytics.base.ExitCode;

/**
 * Fetches the Ombudsman's published decisions into a folder the job reads, politely and incrementally. It walks the
 * site's decision search one month of decision dates at a time, follows each month's result pages, and saves every
 * decision page it does not have yet, exactly as served, at the site's own path:
 * {@code OUT/decisions/<category>/<subcategory>/<ref>.html}. Its state (windows done, withdrawn decisions, a line per
 * request) is in {@code OUT/.fetch/}.
 *
 * <p>What the site does is known only from other people's scrapers and archived pages (src/docs/lgsco-site.md;
 * README, "Getting the corpus", lists what is assumed). Where the site answers in a way this does not understand, the run stops with
 * {@link ExitCode#REFUSED} rather than report an empty success. Completeness is checked, not assumed: each month's
 * listing must reach the count the search states (walked again, then in smaller windows, where it does not), a month
 * that answers "no results" is asked again before it is recorded as empty, and a run that ends short of everything
 * it was asked for says what is missing and exits {@link ExitCode#INCOMPLETE}.
 */
public final class Fetcher {
    /** The User-Agent's product name, and the name robots.txt rules for this fetch go under. */
    public static final String AGENT = "ombudsman-analytics";
    /**
     * Where a first run starts. LDH, the one scraper known to have walked the whole search, reports decisions "2016 to
     * present" and found its earliest in December 2016; months before that with nothing in them cost a request each.
     */
    public static final String PUBLICATION_START_TEXT = "2016-01-01";
    public static final LocalDate PUBLICATION_START = LocalDate.parse(PUBLICATION_START_TEXT);
    /**
     * How many months before the last completed one a default run searches again. Decisions are published at least
     * six weeks after they are made, and often later, so a month keeps filling for a while after it ends: four months
     * re-read covers about three times the shortest delay, for about fifty result pages a month on the real site.
     * A decision published later still is found by a run with an earlier --from.
     */
    public static final int REREAD_MONTHS = 4;
    static final String SEARCH = "/Decisions/SearchResults";
    /** The decisions page: the session starts here, and the search is reached from it. */
    static final String DECISIONS_PAGE = "/decisions";
    /**
     * Result pages walked for one window at most: a month holds a few hundred decisions, tens of pages; a site that
     * pages for ever is stopped here.
     */
    static final int MOST_PAGES = 1_000;
    /** Decision pages in a row that are not decision pages before the run stops as refused. */
    static final int MOST_BAD_PAGES_IN_A_ROW = 5;
    private static final int PROGRESS_EVERY = 25;

    private final FetchOptions options;
    private final Politeness politeness;
    private final Clock clock;
    private final FetchProgress progress;
    /**
     * Decision pages asked for in this run and what became of each: each is asked once, whether a past run left it
     * to ask again or a search lists it now.
     */
    private final Map<DecisionPath, DecisionStatus> asked = new LinkedHashMap<>();
    /** Decisions a search listed in this run. */
    private final Set<DecisionPath> listed = new HashSet<>();
    /** What this run could not do, a line each, in order. */
    private final List<String> problems = new ArrayList<>();
    private int badPagesInARow;

    public Fetcher(FetchOptions options, Politeness politeness, Clock clock, FetchProgress progress) {
        this.options = options;
        this.politeness = politeness;
        this.clock = clock;
        this.progress = progress;
    }

    /** What the requests say they are: the project, and how to reach whoever runs it. */
    public static String userAgent(String version, String contact) {
        return AGENT + "/" + version + " (LGSCO decision analytics; one request at a time; contact: "
                + (contact == null || contact.isBlank() ? "not given" : contact.strip()) + ")";
    }

    /**
     * What a whole run did.
     *
     * @param problems what it could not do (months not listed whole, decision pages not kept), a line each; empty
     *     when the run fetched everything the search listed
     */
    public record Report(LocalDate from, LocalDate to, int windows, Map<DecisionStatus, Integer> decisions,
            int requests, List<String> problems) {
        public int count(DecisionStatus status) {
            return decisions.getOrDefault(status, 0);
        }

        public boolean complete() {
            return problems.isEmpty();
        }

        /** The exit of a run that ended short of everything, saying what is missing. */
        public FetchFailure incomplete() {
            StringBuilder b = new StringBuilder("the fetch is incomplete (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "); what was fetched is kept, and the next run asks again "
                    + "for what is missing:");
            problems.stream().limit(20).forEach(p -> b.append("\n  ").append(p));
            if (problems.size() > 20) {
                b.append("\n  ... and ").append(problems.size() - 20).append(" more (see .fetch/windows.tsv and "
                        + ".fetch/failed.tsv)");
            }
            return new FetchFailure(FetchFailure.Reason.INCOMPLETE, b.toString(), null);
        }
    }

    /**
     * @throws FetchFailure when the run stops early; what was fetched is kept and the next run resumes
     * @throws IllegalArgumentException when the default --from falls after --to
     */
    public Report run() {
        Path out = options.out();
        try {
            Files.createDirectories(out.resolve(DecisionPath.FOLDER));
        } catch (IOException e) {
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot write to " + out + ": " + e.getMessage(), e);
        }
        try (FetchState state = FetchState.open(out)) {
            LocalDate to = options.to() != null ? options.to() : LocalDate.now(clock);
            LocalDate from = options.from() != null ? options.from()
                    : state.lastCompleted().map(m -> m.minusMonths(REREAD_MONTHS).atDay(1)).orElse(PUBLICATION_START);
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("--from " + from + (options.from() == null ? " (the default)" : "")
                        + " is after --to " + to);
            }
            List<Window> windows = windows(state, from, to);
            SiteClient client = new SiteClient(options, politeness, state);
            client.readRobots();
            progress.started(from, to, windows.size(), client.interval());
            startSession(client);
            Map<DecisionStatus, Integer> totals = new EnumMap<>(DecisionStatus.class);
            // Decisions a past run saw gone once or could not keep are asked for again first: their months may not
            // be searched again.
            for (DecisionPath p : state.toAskAgain(out)) {
                if (client.allows(p.url())) {
                    decision(client, state, p);
                }
            }
            List<Window> empty = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                WindowResult r = window(client, state, windows.get(i), from, to);
                if (r.complete() && r.listed() == 0) {
                    empty.add(r.window()); // recorded once asked again, below
                } else {
                    record(state, r);
                }
                r.decisions().forEach((k, v) -> totals.merge(k, v, Integer::sum));
                progress.windowDone(r, i + 1, windows.size());
            }
            // A search that answers "no results" may be a busy site's answer: each empty month is asked once more,
            // at the end of the run, before it is recorded as empty (and later runs search it again until two runs
            // a day apart have found it empty).
            for (Window w : empty) {
                WindowResult r = window(client, state, w, from, to);
                if (r.complete() && r.listed() == 0) {
                    state.searched(r, FetchState.EMPTY, clock.instant());
                } else {
                    record(state, r);
                    r.decisions().forEach((k, v) -> totals.merge(k, v, Integer::sum));
                }
            }
            // Asked again but in no month searched now: counted here, once.
            asked.forEach((p, status) -> {
                if (!listed.contains(p)) {
                    totals.merge(status, 1, Integer::sum);
                }
            });
            return new Report(from, to, windows.size(), totals, client.requests(), List.copyOf(problems));
        }
    }

    /**
     * The months to search: the span asked for, and where --from is the default, every earlier month a past run
     * could not list whole or found empty too recently to be sure.
     */
    private List<Window> windows(FetchState state, LocalDate from, LocalDate to) {
        List<Window> windows = new ArrayList<>();
        if (options.from() == null) {
            for (YearMonth m : state.toSearchAgain()) {
                if (m.isBefore(YearMonth.from(from))) {
                    windows.add(Window.of(m));
                }
            }
        }
        windows.addAll(Window.between(from, to));
        return windows;
    }

    private void record(FetchState state, WindowResult r) {
        if (r.complete()) {
            state.searched(r, FetchState.COMPLETE, clock.instant());
        } else {
            state.searched(r, FetchState.INCOMPLETE, clock.instant());
            problems.add(r.window().month() + ": listed " + r.listed() + " of the " + r.total() + " results the search "
                    + "counts, after walking it twice and in smaller windows; the month is searched again next run");
        }
    }

    /** The decisions page starts the session the search wants. */
    private static void startSession(SiteClient client) {
        if (client.allows(DECISIONS_PAGE)) {
            SiteClient.Response home = client.get(DECISIONS_PAGE, null);
            if (!home.ok()) {
                throw refused(DECISIONS_PAGE + " answered " + (home.failure() != null ? home.failure()
                        : home.status()) + ": the site refused or moved");
            }
        }
    }

    private WindowResult window(SiteClient client, FetchState state, Window w, LocalDate from, LocalDate to) {
        Listing listing = list(client, w, from, to);
        Map<DecisionStatus, Integer> counts = new EnumMap<>(DecisionStatus.class);
        List<DecisionPath> toFetch = new ArrayList<>();
        for (DecisionPath p : listing.found()) {
            // Listed by an earlier window of this run too (a decision dated on the 1st): counted there.
            boolean listedBefore = !listed.add(p);
            if (listedBefore && !Files.exists(p.file(options.out()))) {
                continue;
            }
            DecisionStatus known = listedBefore ? DecisionStatus.ALREADY_HAD : asked.containsKey(p) ? asked.get(p)
                    : Files.exists(p.file(options.out())) ? DecisionStatus.ALREADY_HAD
                    : state.isWithdrawn(p) ? DecisionStatus.WITHDRAWN
                    : !client.allows(p.url()) ? DecisionStatus.DISALLOWED : null;
            if (known == null) {
                toFetch.add(p);
            } else {
                counts.merge(known, 1, Integer::sum);
            }
        }
        for (int done = 0; done < toFetch.size(); ) {
            counts.merge(decision(client, state, toFetch.get(done)), 1, Integer::sum);
            if (++done % PROGRESS_EVERY == 0 && done < toFetch.size()) {
                progress.decisions(w, done, toFetch.size());
            }
        }
        return new WindowResult(w, listing.total(), counts, listing.complete());
    }

    /** A window's listing: the search's count (null when it prints none), what was listed, and whether that is all. */
    private record Listing(Long total, Set<DecisionPath> found, boolean complete) {
    }

    /**
     * Every decision a window's search lists. Where the pages do not reach the count the search states (a page size
     * not the one assumed, results reordered between pages, a page that repeats the one before), the window is
     * walked once more and then in two halves, each checked the same way, down to single days; the union is
     * complete when it reaches the count.
     */
    private Listing list(SiteClient client, Window w, LocalDate from, LocalDate to) {
        Listing first = walk(client, w, from, to);
        if (first.complete()) {
            return first;
        }
        Set<DecisionPath> found = new LinkedHashSet<>(first.found());
        found.addAll(walk(client, w, from, to).found());
        if (found.size() < first.total()) {
            for (Window half : w.halves()) {
                found.addAll(list(client, half, from, to).found());
            }
        }
        return new Listing(first.total(), found, found.size() >= first.total());
    }

    /**
     * One walk over a window's result pages: up to the count the first page states, or the first page without
     * results where it states none (LDH stops there too). The page size is what the first page shows; a page with
     * nothing new, or more pages than the count can fill, ends the walk.
     */
    private Listing walk(SiteClient client, Window w, LocalDate from, LocalDate to) {
        Set<DecisionPath> found = new LinkedHashSet<>();
        Long total = null;
        int pageSize = 0;
        for (int page = 1; page <= MOST_PAGES; page++) {
            SearchPage p = searchPage(client, w.url(page));
            if (page == 1 && p.isShell()) {
                // A shell may be a lapsed session: start it again, and ask once more, as a browser would.
                startSession(client);
                p = searchPage(client, w.url(page));
                if (p.isShell() && client.canRender()) {
                    // Still a shell: the results may come by script, as a browser runs it. From now on, it does.
                    progress.note("the search answers a shell to plain requests; rendering it in " + options.browser());
                    client.renderSearches();
                    p = searchPage(client, w.url(page));
                }
                if (p.isShell() && !searchAnswers(client, from, to)) {
                    throw refused("the search answered " + w.url(page) + " with neither \"Your search has N results\" "
                            + "nor a decision (a \"shell\" page), also after a fresh session" + (client.canRender()
                            ? " and in the browser" : " (--browser renders it in a headless Chromium)")
                            + ": the site refused this client or has changed");
                }
            }
            if (page == 1) {
                total = p.total();
                pageSize = p.decisions().size();
                if (total != null && total > 0 && pageSize == 0) {
                    throw refused(w.url(page) + " shows no decision of the " + total + " results it counts: the site "
                            + "has changed, or hides its results from this client");
                }
            }
            if (!found.addAll(p.decisions())) {
                break; // no result, or only ones listed before
            }
            if (total != null && (found.size() >= total || page >= (total + pageSize - 1) / pageSize + 2)) {
                break;
            }
        }
        return new Listing(total, found, total == null || found.size() >= total);
    }

    private static SearchPage searchPage(SiteClient client, String url) {
        if (!client.allows(url)) {
            throw refused("robots.txt disallows " + url + ": the search cannot be read");
        }
        SiteClient.Response r = client.get(url, DECISIONS_PAGE);
        if (!r.ok()) {
            throw refused(url + " answered " + (r.failure() != null ? r.failure() : r.status()));
        }
        return SearchPage.read(new String(r.body(), StandardCharsets.UTF_8));
    }

    /**
     * Whether the search serves results to this client at all, asked of the whole span being fetched. A month with
     * no decisions may say so in words that are not recorded anywhere; its page is taken as empty only when this
     * answers with results.
     */
    private static boolean searchAnswers(SiteClient client, LocalDate from, LocalDate to) {
        String url = SEARCH + "?fd=" + from + "&td=" + to + "&page=1";
        if (!client.allows(url)) {
            return false;
        }
        SiteClient.Response r = client.get(url, DECISIONS_PAGE);
        return r.ok() && !SearchPage.read(new String(r.body(), StandardCharsets.UTF_8)).isShell();
    }

    private DecisionStatus decision(SiteClient client, FetchState state, DecisionPath p) {
        DecisionStatus status = ask(client, state, p);
        asked.put(p, status);
        return status;
    }

    private DecisionStatus ask(SiteClient client, FetchState state, DecisionPath p) {
        SiteClient.Response r = client.get(p.url(), DECISIONS_PAGE);
        if (r.failure() == null && (r.status() == 404 || r.status() == 410)) {
            badPagesInARow = 0;
            return state.gone(p, r.status(), clock.instant()) ? DecisionStatus.WITHDRAWN : DecisionStatus.GONE_FOR_NOW;
        }
        String why = r.failure() != null ? r.failure()
                : r.status() != 200 ? "answered " + r.status()
                : DecisionPage.whyNot(r.body(), p.ref());
        if (why == null) {
            badPagesInARow = 0;
            write(p.file(options.out()), r.body());
            return DecisionStatus.FETCHED;
        }
        state.failed(p, why, clock.instant());
        problems.add(p.url() + ": " + why + "; not saved, asked again next run");
        if (++badPagesInARow >= MOST_BAD_PAGES_IN_A_ROW) {
            throw refused(MOST_BAD_PAGES_IN_A_ROW + " decision pages in a row could not be kept (the last, "
                    + p.url() + ": " + why + "): the site refused this client or has changed; none was saved");
        }
        return DecisionStatus.FAILED;
    }

    /** Whole or not at all: a hidden temporary name (the job skips it), then one rename. */
    private static void write(Path file, byte[] body) {
        Path part = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            Files.write(part, body);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static FetchFailure refused(String message) {
        return new FetchFailure(FetchFailure.Reason.REFUSED, message, null);
    }
}
