package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_1;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_31;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.base.ExitCode;

/** robots.txt, the pace and the session, measured where the site sees them. */
class FetchPolitenessTest extends AgainstTheImitation {

    @Test
    void pathsRobotsTxtDisallowsAreNeverRequestedUnderTheGroupNamingThisCrawler() throws IOException {
        // The * group shuts out every crawler; the group naming this one only keeps it out of housing decisions.
        site.robots(200, "User-agent: *\nDisallow: /\n\n# ours\nUser-agent: Ombudsman-Analytics\nUser-agent: other\n"
                + "Disallow: /decisions/housing/\nAllow: /decisions/housing/allocations/21-014-002$\n");
        Fetcher.Report r = Fetches.fetch(site, dir, Fetches.FIRST, Fetches.TODAY);

        List<SiteDecision> housing = site.decisions().stream()
                .filter(d -> d.path().startsWith("/decisions/housing/")).toList();
        assertTrue(housing.size() >= 3, "the corpus has housing decisions: " + housing.size());
        assertTrue(site.hits().stream().noneMatch(h -> h.path().startsWith("/decisions/housing/")
                && !h.path().endsWith("21-014-002")), "no disallowed page was asked for");
        assertEquals(housing.size() - 1, r.count(DecisionStatus.DISALLOWED));
        assertTrue(Files.exists(dir.resolve("decisions/housing/allocations/21-014-002.html")), "the longer Allow wins");
        assertEquals(site.decisions().size() - housing.size() + 1, r.count(DecisionStatus.FETCHED));
    }

    @Test
    void crawlDelayPacesEveryRequestWhenItIsSlowerThanTheRate() {
        site.robots(200, "User-agent: *\nCrawl-delay: 1\n");
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31, 50, Fetches.on(Fetches.TODAY));

        List<FakeLgoSite.Hit> hits = site.hits();
        assertEquals(2, r.count(DecisionStatus.FETCHED));
        assertEquals(5, hits.size(), "robots.txt, /decisions, one page of results, two decisions");
        List<Double> gaps = Fetches.gapsMillis(hits);
        System.out.printf("FetchPolitenessTest: Crawl-delay 1 s at --rate 50: gaps %s ms%n", gaps);
        assertTrue(gaps.stream().allMatch(g -> g >= 1000), "every request a second or more after the last: " + gaps);
    }

    @Test
    void theRateWinsWhenItIsSlowerThanCrawlDelay() {
        site.robots(200, "User-agent: *\nCrawl-delay: 0.02\n");
        Fetches.fetch(site, dir, LocalDate.of(2023, 5, 1), LocalDate.of(2023, 11, 30), 10, Fetches.on(Fetches.TODAY));

        List<Double> gaps = Fetches.gapsMillis(site.hits());
        assertTrue(gaps.size() >= 12, "enough requests to measure: " + gaps.size());
        System.out.printf("FetchPolitenessTest: --rate 10: shortest gap %.1f ms over %d requests%n",
                gaps.stream().mapToDouble(Double::doubleValue).min().orElse(0), gaps.size() + 1);
        assertTrue(gaps.stream().allMatch(g -> g >= 100), "at most 10 requests a second: " + gaps);
        assertEquals(1, site.mostInFlight(), "never two at once");
    }

    @Test
    void robotsTxtThatForbidsTheSearchStopsTheRunWithoutSearching() {
        site.robots(200, "User-agent: *\nDisallow: /Decisions/\n");
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));

        assertEquals(FetchFailure.Reason.REFUSED, f.reason());
        assertEquals(ExitCode.REFUSED, f.exitCode());
        assertTrue(f.getMessage().startsWith("robots.txt disallows /Decisions/SearchResults?fd=2023-10-01"),
                f.getMessage());
        assertTrue(site.hits().stream().noneMatch(FakeLgoSite.Hit::isSearch));
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() {
        site.robots(404, "Not found");
        assertEquals(2, Fetches.fetch(site, dir, OCT_1, OCT_31).count(DecisionStatus.FETCHED));
    }

    @Test
    void withoutTheDecisionsPagesSessionTheSearchIsAShellAndTheRunStopsWithExitSeven() {
        // Kept off /decisions, the fetch has no session cookie, and the imitation serves it the search's shell.
        site.robots(200, "User-agent: *\nDisallow: /decisions$\n");
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));

        assertEquals(ExitCode.REFUSED, f.exitCode());
        assertTrue(f.getMessage().contains("(a \"shell\" page)"), f.getMessage());
        assertFalse(f.getMessage().contains("\n"), "one line");
        assertFalse(Files.exists(dir.resolve(".fetch/windows.tsv")), "no window counts as done");
        assertTrue(site.hits().stream().filter(FakeLgoSite.Hit::isSearch).noneMatch(FakeLgoSite.Hit::session));
    }
}
