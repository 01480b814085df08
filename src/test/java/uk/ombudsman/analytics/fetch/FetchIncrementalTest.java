package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs after the first: what they fetch again (nothing), what they search again (recent months), what they find. */
class FetchIncrementalTest extends AgainstTheImitation {
    private Fetcher.Report defaultRun(Clock today) {
        return Fetches.fetch(site, dir, null, null, Fetches.TEST_RATE, today);
    }

    @Test
    void aRerunFetchesNoDecisionPageAgainAndSearchesOnlyTheRecentMonths() {
        Fetcher.Report first = defaultRun(Fetches.on(Fetches.TODAY));
        assertEquals(Fetcher.PUBLICATION_START, first.from(), "a first run starts where publication does");
        assertEquals(Fetches.TODAY, first.to());

        site.forgetHits();
        Fetcher.Report again = defaultRun(Fetches.on(Fetches.TODAY));
        assertEquals(0, again.count(DecisionStatus.FETCHED));
        assertTrue(site.hits().stream().noneMatch(FakeLgoSite.Hit::isDecision), "no decision page asked for again");
        // Four months before February 2026, the last month the first run completed.
        assertEquals(LocalDate.of(2025, 10, 1), again.from());
        List<String> searched = site.hits().stream().filter(FakeLgoSite.Hit::isSearch).map(FakeLgoSite.Hit::query)
                .map(q -> q.substring(3, 10)).distinct().toList();
        assertEquals(List.of("2025-10", "2025-11", "2025-12", "2026-01", "2026-02"), searched);
        assertEquals(site.listedBetween(LocalDate.of(2025, 10, 1), Fetches.TODAY).size(),
                again.count(DecisionStatus.ALREADY_HAD));
    }

    @Test
    void aDecisionPublishedLateIntoAnOldMonthIsFetchedByTheNextDefaultRun() {
        SiteDecision late = site.decisions().stream().max(Comparator.comparing(SiteDecision::date)).orElseThrow();
        // Made in its month, published two months later: the first run comes between the two.
        LocalDate published = late.date().plusMonths(2);
        site.withhold(late);
        defaultRun(Fetches.on(published.minusDays(1)));
        assertFalse(Files.exists(dir.resolve(late.path().substring(1) + ".html")));

        site.publish(late);
        site.forgetHits();
        Fetcher.Report next = defaultRun(Fetches.on(published));
        assertEquals(1, next.count(DecisionStatus.FETCHED));
        assertTrue(Files.exists(dir.resolve(late.path().substring(1) + ".html")));
        assertEquals(List.of(late.path()), site.hits().stream().filter(FakeLgoSite.Hit::isDecision)
                .map(FakeLgoSite.Hit::path).toList(), "that page and no other");
    }

    @Test
    void aDecisionPublishedLaterThanTheMarginNeedsAnEarlierFrom() {
        SiteDecision late = site.decisions().stream().filter(d -> d.date().getYear() == 2023).findFirst()
                .orElseThrow();
        site.withhold(late);
        defaultRun(Fetches.on(Fetches.TODAY));
        site.publish(late);

        assertEquals(0, defaultRun(Fetches.on(Fetches.TODAY)).count(DecisionStatus.FETCHED),
                "two years late is past the months a default run searches again");
        Fetcher.Report full = Fetches.fetch(site, dir, Fetcher.PUBLICATION_START, null, Fetches.TEST_RATE,
                Fetches.on(Fetches.TODAY));
        assertEquals(1, full.count(DecisionStatus.FETCHED), "a run from the start finds it, and only it");
    }
}
