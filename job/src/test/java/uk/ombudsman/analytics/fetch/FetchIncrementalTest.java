package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the first: what they fetch again (nothing), what they search again (recent months, and months found empty
 * until two runs a day apart agree), what they find.
 */
class FetchIncrementalTest extends AgainstTheImitation {
    private Fetcher.Report defaultRun(Clock today) {
        return Fetches.fetch(site, dir, null, null, Fetches.TEST_RATE, today);
    }

    @Test
    void aRerunFetchesNoDecisionPageAgainAndSearchesTheRecentMonthsAndThoseNotYetSurelyEmpty() throws IOException {
        Fetcher.Report first = defaultRun(Fetches.on(Fetches.TODAY));
        assertEquals(Fetcher.PUBLICATION_START, first.from(), "a first run starts where publication does");
        assertEquals(Fetches.TODAY, first.to());
        List<String> recent = List.of("2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02");
        List<String> emptyBefore = Files.readAllLines(dir.resolve(".fetch/windows.tsv")).stream().skip(1)
                .map(l -> l.split("\t")).filter(f -> f[6].equals("empty") && f[0].compareTo(recent.get(0)) < 0)
                .map(f -> f[0]).toList();
        assertFalse(emptyBefore.isEmpty(), "the standard corpus leaves months without a decision");

        site.forgetHits();
        Fetcher.Report again = defaultRun(Fetches.on(Fetches.TODAY.plusDays(1)));
        assertEquals(0, again.count(DecisionStatus.FETCHED));
        assertTrue(site.hits().stream().noneMatch(FakeLgoSite.Hit::isDecision), "no decision page asked for again");
        // Four months before December 2025, the last month the first run found decisions in.
        assertEquals(LocalDate.of(2025, 8, 1), again.from());
        assertEquals(Stream.concat(emptyBefore.stream(), recent.stream()).sorted().toList(), searchedMonths(),
                "the months found empty once are searched again");
        assertEquals(site.listedBetween(LocalDate.of(2025, 8, 1), Fetches.TODAY).size(),
                again.count(DecisionStatus.ALREADY_HAD));

        site.forgetHits();
        defaultRun(Fetches.on(Fetches.TODAY.plusDays(1)));
        assertEquals(recent, searchedMonths(), "empty on two runs a day apart: not searched again");
    }

    private List<String> searchedMonths() {
        return site.hits().stream().filter(FakeLgoSite.Hit::isSearch).map(FakeLgoSite.Hit::query)
                .map(q -> q.substring(3, 10)).distinct().sorted().toList();
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
        // October 2023 holds another decision, so its month is not empty without this one.
        SiteDecision late = site.decisions().stream().filter(d -> !d.date().isBefore(Fetches.OCT_1)
                && !d.date().isAfter(Fetches.OCT_31)).findFirst().orElseThrow();
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
