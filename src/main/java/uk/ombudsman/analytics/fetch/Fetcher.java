package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fetches the Ombudsman's published decisions into a folder the job reads, politely and incrementally. It walks the
 * site's decision search one month of decision dates at a time, follows each month's result pages, and saves every
 * decision page it does not have yet, exactly as served, at the site's own path:
 * {@code OUT/decisions/<category>/<subcategory>/<ref>.html}. Its state (windows done, withdrawn decisions, a line per
 * request) is in {@code OUT/.fetch/}.
 *
 * <p>What the site does is known only from other people's scrapers and archived pages (src/docs/lgsco-site.md;
 * README, "Getting the corpus", lists what is assumed). Where the site answers in a way this does not understand, the run stops with
 * {@link #EXIT_REFUSED} rather than report an empty success.
 */
public final class Fetcher {
    /** The site refused this client or changed (see {@link FetchFailure.Reason#REFUSED}). */
    public static final int EXIT_REFUSED = 7;
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
    /** Results a search page shows (LDH counts pages as ceil(N / 10)). */
    static final int PAGE_SIZE = 10;
    private static final int PROGRESS_EVERY = 25;

    private final FetchOptions options;
    private final Politeness politeness;
    private final Clock clock;
    private final FetchProgress progress;

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

    /** What a whole run did. */
    public record Report(LocalDate from, LocalDate to, int windows, Map<DecisionStatus, Integer> decisions,
            int requests) {
        public int count(DecisionStatus status) {
            return decisions.getOrDefault(status, 0);
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
            List<Window> windows = Window.between(from, to);
            SiteClient client = new SiteClient(options, politeness, state);
            client.readRobots();
            progress.started(from, to, windows.size(), client.interval());
            if (client.allows(DECISIONS_PAGE)) {
                SiteClient.Response home = client.get(DECISIONS_PAGE, null);
                if (home.status() != 200) {
                    throw refused(DECISIONS_PAGE + " answered " + home.status() + ": the site refused or moved");
                }
            }
            Map<DecisionStatus, Integer> totals = new EnumMap<>(DecisionStatus.class);
            for (int i = 0; i < windows.size(); i++) {
                WindowResult r = window(client, state, windows.get(i), from, to);
                state.completed(r);
                r.decisions().forEach((k, v) -> totals.merge(k, v, Integer::sum));
                progress.windowDone(r, i + 1, windows.size());
            }
            return new Report(from, to, windows.size(), totals, client.requests());
        }
    }

    private WindowResult window(SiteClient client, FetchState state, Window w, LocalDate from, LocalDate to) {
        SearchPage listing = list(client, w, from, to);
        Map<DecisionStatus, Integer> counts = new EnumMap<>(DecisionStatus.class);
        List<DecisionPath> toFetch = new ArrayList<>();
        for (DecisionPath p : listing.decisions()) {
            DecisionStatus known = Files.exists(p.file(options.out())) ? DecisionStatus.ALREADY_HAD
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
        return new WindowResult(w, listing.total(), counts);
    }

    /**
     * Every decision a window's search lists, over all its pages: up to the page the count says is the last, or the
     * first page without results where the page prints no count (LDH stops there too). A page that should hold
     * results and holds none stops the run.
     *
     * @return the first page's count and every decision listed
     */
    private SearchPage list(SiteClient client, Window w, LocalDate from, LocalDate to) {
        Set<DecisionPath> found = new LinkedHashSet<>();
        Long total = null;
        for (int page = 1; ; page++) {
            String url = w.url(page);
            if (!client.allows(url)) {
                throw refused("robots.txt disallows " + url + ": the search cannot be read");
            }
            boolean resultsExpected = total != null && (long) (page - 1) * PAGE_SIZE < total;
            SiteClient.Response r = client.get(url, DECISIONS_PAGE);
            if (r.status() != 200) {
                throw refused(url + " answered " + r.status());
            }
            SearchPage p = SearchPage.read(new String(r.body(), StandardCharsets.UTF_8));
            if (page == 1) {
                total = p.total();
            }
            if (p.decisions().isEmpty()) {
                if (page == 1 && p.total() == null && !searchAnswers(client, from, to)) {
                    throw refused("the search answered " + url + " with neither \"Your search has N results\" nor a "
                            + "decision (a \"shell\" page): the site refused this client or has changed");
                }
                if (page == 1 && p.total() != null && p.total() > 0 || resultsExpected) {
                    throw refused(url + " shows no decision of the " + total + " results it counts: the site has "
                            + "changed, or hides its results from this client");
                }
                break;
            }
            if (!found.addAll(p.decisions())) {
                if (resultsExpected) {
                    throw refused(url + " repeats the results before it: the site ignores the page number");
                }
                break;
            }
            if (total != null && (long) page * PAGE_SIZE >= total) {
                break;
            }
        }
        return new SearchPage(total, new ArrayList<>(found));
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
        return r.status() == 200 && !SearchPage.read(new String(r.body(), StandardCharsets.UTF_8)).isShell();
    }

    private DecisionStatus decision(SiteClient client, FetchState state, DecisionPath p) {
        SiteClient.Response r = client.get(p.url(), DECISIONS_PAGE);
        switch (r.status()) {
            case 200 -> {
                if (!looksLikeDecision(r.body(), p)) {
                    throw refused(p.url() + " answered with a page that neither names the decision's reference nor "
                            + "holds the site's article: the site refused this client or has changed; not saved");
                }
                write(p.file(options.out()), r.body());
                return DecisionStatus.FETCHED;
            }
            case 404, 410 -> {
                state.withdrawn(p, r.status());
                return DecisionStatus.WITHDRAWN;
            }
            default -> throw refused(p.url() + " answered " + r.status());
        }
    }

    /** The page holds the site's decision article or prints the reference (as "19 007 429" or "19-007-429"). */
    private static boolean looksLikeDecision(byte[] body, DecisionPath p) {
        String html = new String(body, StandardCharsets.ISO_8859_1);
        String digits = p.ref().replaceAll("[a-z]+$", "");
        Pattern ref = Pattern.compile(String.join("(?:\\s|&nbsp;|&#160;|-)*", digits.split("-")));
        return html.contains("id=\"article\"") || html.contains("id='article'") || ref.matcher(html).find();
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
