package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_1;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_31;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.base.ExitCode;

/**
 * Decision pages as a misbehaving site serves them: a 404 that is not for ever, a "Page not found" answered with 200,
 * redirects, a body sent a byte at a time, a page of hundreds of megabytes. None is saved as a decision, none hangs
 * the run, and none is lost for good: each is asked for again by the next run.
 */
class FetchPageFaultsTest extends AgainstTheImitation {
    private SiteDecision first() {
        return site.decisions().stream().filter(d -> !d.date().isBefore(OCT_1) && !d.date().isAfter(OCT_31))
                .sorted(java.util.Comparator.comparing(SiteDecision::path)).findFirst().orElseThrow();
    }

    @Test
    void aDecisionThatAnswers404OnceIsAskedAgainByTheNextRunAndFetched() {
        SiteDecision d = first();
        site.throttle(d.path()::equals, 404, 1, null);
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, r.count(DecisionStatus.GONE_FOR_NOW));
        assertEquals(0, r.count(DecisionStatus.WITHDRAWN));
        assertFalse(Files.exists(saved(d)));

        Fetcher.Report next = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, next.count(DecisionStatus.FETCHED));
        assertTrue(Files.exists(saved(d)));
        assertEquals(2L, Fetches.decisionRequests(site.hits()).get(d.path()), "once per run, not twice in one");
    }

    @Test
    void aPageNotFoundAnsweredWith200AndTheReferenceInItsSearchBoxIsNotSavedAndIsAskedAgain() {
        SiteDecision d = first();
        // Invented, in the form such pages take: the site's furniture, the reference kept in the search box.
        String notFound = "<!DOCTYPE html><html><head><title>Page not found</title></head><body><header><form "
                + "action=\"/search/\"><input name=\"k\" value=\"" + d.printedRef() + "\"><button>Search</button>"
                + "</form></header><main><h1>Page not found</h1><p>Sorry, we cannot find " + d.printedRef()
                + ".</p></main></body></html>";
        site.answer(d.path()::equals, 200, 1, Map.of(), notFound);
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, r.count(DecisionStatus.FAILED));
        assertEquals(1, r.count(DecisionStatus.FETCHED), "the other decision of the month");
        assertFalse(Files.exists(saved(d)), "never saved");
        assertFalse(r.complete());
        assertTrue(r.problems().get(0).contains("without the site's decision article"), r.problems().toString());
        assertEquals(ExitCode.INCOMPLETE, r.incomplete().exitCode());

        Fetcher.Report next = Fetches.fetch(site, dir, Fetches.FIRST.plusYears(20), Fetches.FIRST.plusYears(20));
        assertEquals(1, next.count(DecisionStatus.FETCHED), "asked again though its month is not searched");
        assertTrue(next.complete());
        assertTrue(Files.exists(saved(d)));
    }

    @Test
    void anotherDecisionsPageServedAtThisAddressIsNotSaved() {
        SiteDecision d = first();
        SiteDecision other = site.decisions().stream().filter(x -> !x.equals(d)).findFirst().orElseThrow();
        site.answer(d.path()::equals, 200, 1, Map.of(), site.pageOf(other));
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, r.count(DecisionStatus.FAILED));
        assertTrue(r.problems().get(0).contains("do not name " + d.refSlug()), r.problems().toString());
    }

    @Test
    void decisionPagesThatAreNeverDecisionPagesStopTheRunAsRefused() {
        site.answer(p -> p.startsWith("/decisions/") && p.split("/").length == 5, 200, 1000, Map.of(),
                "<html><body><h1>Checking your browser</h1></body></html>");
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, Fetches.FIRST,
                Fetches.TODAY));
        assertEquals(ExitCode.REFUSED, f.exitCode());
        assertTrue(f.getMessage().startsWith(Fetcher.MOST_BAD_PAGES_IN_A_ROW + " decision pages in a row"),
                f.getMessage());
    }

    @Test
    void aRedirectToAnotherSiteIsNotFollowedAndNothingIsSaved() throws IOException {
        SiteDecision d = first();
        try (FakeLgoSite elsewhere = FakeLgoSite.serving(site.decisions())) {
            String away = "http://localhost:" + elsewhere.uri().getPort() + d.path();
            site.answer(d.path()::equals, 302, 1, Map.of("Location", away), "");
            Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
            assertEquals(1, r.count(DecisionStatus.FAILED));
            assertTrue(r.problems().get(0).contains("redirected to another site"), r.problems().toString());
            assertEquals(List.of(), elsewhere.hits(), "the other site was never asked");
            assertFalse(Files.exists(saved(d)));
        }
    }

    @Test
    void aRedirectOnTheSameSiteIsFollowedPacedAndLogged() throws IOException {
        SiteDecision d = first();
        site.answer(d.path()::equals, 301, 1, Map.of("Location", d.path() + "?moved=1"), "");
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(2, r.count(DecisionStatus.FETCHED));
        assertEquals(site.pageOf(d), Files.readString(saved(d)));
        List<FakeLgoSite.Hit> hops = site.hits().stream().filter(h -> h.path().equals(d.path())).toList();
        assertEquals(List.of(301, 200), hops.stream().map(FakeLgoSite.Hit::status).toList());
        assertTrue(Fetches.gapsMillis(hops).get(0) >= 1000 / Fetches.TEST_RATE, "paced");
        assertTrue(Files.readString(dir.resolve(".fetch/requests.tsv")).contains("redirect to " + d.path()
                + "?moved=1"));
    }

    @Test
    void aRedirectToAPathRobotsTxtDisallowsIsNotFollowed() {
        SiteDecision d = first();
        site.robots(200, "User-agent: *\nDisallow: /private\n");
        site.answer(d.path()::equals, 302, 1, Map.of("Location", "/private/copy"), "");
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, r.count(DecisionStatus.FAILED));
        assertTrue(site.hits().stream().noneMatch(h -> h.path().startsWith("/private")));
    }

    @Test
    void aBodySentAByteAtATimeEndsAtTheDeadlineInsteadOfHangingTheRun() {
        SiteDecision d = first();
        site.trickle(d.path()::equals, Duration.ofMillis(50));
        Politeness impatient = new Politeness(2, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(700));
        FetchFailure f = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FetchFailure.class,
                () -> new Fetcher(new FetchOptions(site.uri(), dir, OCT_1, OCT_31, Fetches.TEST_RATE, Fetches.AGENT),
                        impatient, Fetches.on(Fetches.TODAY), FetchProgress.SILENT).run()));
        assertEquals(FetchFailure.Reason.NETWORK, f.reason());
        assertTrue(f.getMessage().contains("no whole answer within"), f.getMessage());
        assertFalse(Files.exists(saved(d)));
    }

    @Test
    void aPageOfThreeHundredMegabytesIsAbortedAtTheCapNotHeldInMemory() {
        SiteDecision d = first();
        site.huge(d.path()::equals, 300L * 1024 * 1024);
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, r.count(DecisionStatus.FAILED));
        assertTrue(r.problems().get(0).contains("answered more than 16 MB"), r.problems().toString());
        assertEquals(1, r.count(DecisionStatus.FETCHED), "the run went on");
        assertFalse(Files.exists(saved(d)));
    }

    @Test
    void aCrawlDelayPastTheLongestWaitIsRefusedWithAMessage() {
        site.robots(200, "User-agent: *\nCrawl-delay: 3600\n");
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));
        assertEquals(ExitCode.REFUSED, f.exitCode());
        assertTrue(f.getMessage().startsWith("robots.txt asks for a Crawl-delay of 3600 s"), f.getMessage());
        assertEquals(1, site.hits().size(), "robots.txt alone");
    }

    @Test
    void maxTimeStopsTheRunBetweenRequestsWithExitEightAndTheNextRunGoesOn() throws IOException {
        site.slow(Duration.ofMillis(100));
        FetchFailure f = assertThrows(FetchFailure.class, () -> new Fetcher(new FetchOptions(site.uri(), dir,
                Fetches.FIRST, Fetches.TODAY, Fetches.TEST_RATE, Fetches.AGENT, Duration.ofMillis(800), null),
                Fetches.QUICK, Fetches.on(Fetches.TODAY), FetchProgress.SILENT).run());
        assertEquals(FetchFailure.Reason.TIME_UP, f.reason());
        assertEquals(ExitCode.INCOMPLETE, f.exitCode());
        site.slow(Duration.ZERO);
        Fetches.fetch(site, dir, Fetches.FIRST, Fetches.TODAY);
        assertEquals(site.decisions().size(), savedCount());
    }

    private Path saved(SiteDecision d) {
        return dir.resolve(d.path().substring(1) + ".html");
    }

    private long savedCount() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("decisions"))) {
            return s.filter(p -> p.toString().endsWith(".html")).count();
        }
    }
}
