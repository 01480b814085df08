package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A short, polite first contact with a site: asks the handful of questions the fetch's assumptions rest on (robots.txt,
 * the session, pages 1 and 2 of a busy month, a month with no results, a page past the end, a decision page, a
 * removed decision), keeps each raw answer, and writes a report saying which assumption held. About ten requests at
 * the fetch's own pace.
 */
public final class Probe {
    /** One assumption and what the site said to it. */
    public record Check(String assumption, boolean held, boolean reliedOn, String seen) {
    }

    /** What a probe found, and where its report and raw answers are. */
    public record Result(List<Check> checks, Path report) {
        /** Whether every assumption the fetch relies on held. */
        public boolean fetchCanRun() {
            return checks.stream().noneMatch(c -> c.reliedOn() && !c.held());
        }
    }

    /** A decision reference no decision has: the site's answer to it is its answer to a removed decision. */
    static final String REMOVED = "/decisions/housing/allocations/00-000-000";

    private final FetchOptions options;
    private final Politeness politeness;
    private final Clock clock;

    public Probe(FetchOptions options, Politeness politeness, Clock clock) {
        this.options = options;
        this.politeness = politeness;
        this.clock = clock;
    }

    public Result run() {
        Path dir = options.out().resolve(FetchState.FOLDER).resolve("probe-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atZone(ZoneOffset.UTC)));
        List<Check> checks = new ArrayList<>();
        try (FetchState state = FetchState.open(options.out())) {
            Files.createDirectories(dir);
            SiteClient client = new SiteClient(options, politeness, state);
            SiteClient.Response robots = client.readRobots();
            keep(dir, "robots.txt", robots);
            checks.add(new Check("robots.txt allows the search and decision pages", client.allows(Fetcher.SEARCH)
                    && client.allows("/decisions/housing/allocations/19-000-000"), true,
                    "status " + robots.status() + ", Crawl-delay " + client.interval().toMillis() / 1000.0 + " s"));

            SiteClient.Response home = client.get(Fetcher.DECISIONS_PAGE, null);
            keep(dir, "decisions.html", home);
            checks.add(new Check("/decisions answers 200 and starts a session", home.ok()
                    && home.headers().firstValue("Set-Cookie").isPresent(), false, "status " + home.status()
                    + (home.headers().firstValue("Set-Cookie").isPresent() ? ", sets a cookie" : ", no cookie")));

            // Three months back: published by now, and busy.
            YearMonth busy = YearMonth.from(LocalDate.now(clock)).minusMonths(3);
            Window month = Window.of(busy);
            SearchPage one = search(client, dir, month.url(1), "search-busy-page1.html");
            checks.add(new Check("a results page says \"Your search has N results\"", one.total() != null, true,
                    one.total() == null ? "no count" : one.total() + " results for " + busy));
            checks.add(new Check("a results page links decisions at /decisions/<category>/<subcategory>/<ref>",
                    !one.decisions().isEmpty(), true, one.decisions().size() + " decisions linked on page 1"));
            checks.add(new Check("10 results a page (the page size is read, not assumed)",
                    one.decisions().size() == 10, false, one.decisions().size() + " on page 1"));
            SearchPage two = search(client, dir, month.url(2), "search-busy-page2.html");
            checks.add(new Check("page 2 holds other decisions than page 1", !two.decisions().isEmpty()
                    && two.decisions().stream().noneMatch(one.decisions()::contains), true,
                    two.decisions().size() + " on page 2, "
                            + two.decisions().stream().filter(one.decisions()::contains).count() + " of them on page 1"));
            if (one.total() != null && !one.decisions().isEmpty()) {
                int past = (int) ((one.total() + one.decisions().size() - 1) / one.decisions().size()) + 1;
                SearchPage beyond = search(client, dir, month.url(past), "search-busy-past-the-end.html");
                checks.add(new Check("a page past the end lists nothing", beyond.decisions().isEmpty(), false,
                        "page " + past + ": " + beyond.decisions().size() + " decisions"));
            }
            SearchPage none = search(client, dir, Window.of(YearMonth.of(2000, 1)).url(1), "search-empty-month.html");
            checks.add(new Check("a month with no decisions says \"Your search has 0 results\"",
                    Long.valueOf(0).equals(none.total()) && none.decisions().isEmpty(), false,
                    none.total() == null ? "no count (" + none.decisions().size() + " decisions)"
                            : none.total() + " results"));

            if (!one.decisions().isEmpty()) {
                DecisionPath first = one.decisions().get(0);
                SiteClient.Response page = client.get(first.url(), Fetcher.DECISIONS_PAGE);
                keep(dir, "decision.html", page);
                String why = page.ok() ? DecisionPage.whyNot(page.body(), first.ref())
                        : page.failure() != null ? page.failure() : "status " + page.status();
                checks.add(new Check("a decision page holds the article and names its reference", why == null, true,
                        first.url() + (why == null ? ": as expected" : ": " + why)));
            }
            SiteClient.Response removed = client.get(REMOVED, Fetcher.DECISIONS_PAGE);
            keep(dir, "removed-decision.html", removed);
            checks.add(new Check("a removed decision answers 404 or 410", removed.status() == 404
                    || removed.status() == 410, false, REMOVED + ": status " + removed.status()));
            Path report = dir.resolve("report.md");
            Files.writeString(report, report(checks, client.requests()), StandardCharsets.UTF_8);
            return new Result(List.copyOf(checks), report);
        } catch (IOException e) {
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot write the probe's report in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static SearchPage search(SiteClient client, Path dir, String url, String file) throws IOException {
        SiteClient.Response r = client.get(url, Fetcher.DECISIONS_PAGE);
        keep(dir, file, r);
        return r.ok() ? SearchPage.read(new String(r.body(), StandardCharsets.UTF_8)) : new SearchPage(null, List.of());
    }

    private static void keep(Path dir, String file, SiteClient.Response r) throws IOException {
        Files.write(dir.resolve(file), r.body());
    }

    private String report(List<Check> checks, int requests) {
        StringBuilder b = new StringBuilder("# Probe of ").append(options.site()).append(", ")
                .append(clock.instant()).append("\n\n").append(requests).append(" requests. Each raw answer is kept "
                        + "beside this file. An assumption the fetch relies on that did not hold means the fetch "
                        + "will not work against this site as it is.\n\n| assumption | held | the fetch relies on it "
                        + "| seen |\n|---|---|---|---|\n");
        for (Check c : checks) {
            b.append("| ").append(c.assumption()).append(" | ").append(c.held() ? "yes" : "**no**").append(" | ")
                    .append(c.reliedOn() ? "yes" : "no").append(" | ").append(c.seen().replace("|", "/"))
                    .append(" |\n");
        }
        return b.toString();
    }
}
