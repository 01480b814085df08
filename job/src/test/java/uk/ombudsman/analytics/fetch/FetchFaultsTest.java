package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_1;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_31;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.base.ExitCode;

/** Each way the site can misbehave, switched on in the imitation: what the fetch does, and what it leaves. */
class FetchFaultsTest extends AgainstTheImitation {
    private static final String SEARCH = "/Decisions/SearchResults";

    @Test
    void tooManyRequestsIsWaitedOutAsRetryAfterSaysThenRetried() {
        site.throttle(SEARCH::equals, 429, 2, "1");
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);

        assertEquals(2, r.count(DecisionStatus.FETCHED));
        List<FakeLgoSite.Hit> searches = site.hits().stream().filter(FakeLgoSite.Hit::isSearch).toList();
        assertEquals(List.of(429, 429, 200), searches.stream().map(FakeLgoSite.Hit::status).toList());
        List<Double> gaps = Fetches.gapsMillis(searches);
        assertTrue(gaps.stream().allMatch(g -> g >= 1000), "a second between tries, as asked: " + gaps);
    }

    @Test
    void unavailableWithAnHttpDateIsWaitedOutUntilThatDate() {
        ZonedDateTime inTwoSeconds = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).withNano(0);
        site.throttle(p -> p.startsWith("/decisions/"), 503, 1,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(inTwoSeconds));
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);

        assertEquals(2, r.count(DecisionStatus.FETCHED));
        List<FakeLgoSite.Hit> decisions = site.hits().stream().filter(FakeLgoSite.Hit::isDecision).toList();
        assertEquals(503, decisions.get(0).status());
        assertEquals(decisions.get(0).path(), decisions.get(1).path(), "the same page again");
        assertFalse(decisions.get(1).at().isBefore(inTwoSeconds.toInstant()),
                "not asked again before the date: " + decisions.get(1).at() + " < " + inTwoSeconds);
    }

    @Test
    void aSiteThatKeepsRefusingStopsTheRunAfterABoundedNumberOfTriesWithExitSeven() {
        site.throttle(SEARCH::equals, 429, 1000, "0");
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));

        assertEquals(FetchFailure.Reason.REFUSED, f.reason());
        assertEquals(ExitCode.REFUSED, f.exitCode());
        assertTrue(f.getMessage().endsWith("answered 429 3 times; run again later"), f.getMessage());
        assertEquals(Fetches.QUICK.attempts(), site.hits().stream().filter(FakeLgoSite.Hit::isSearch).count());
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitStopsTheRunAtOnce() {
        site.throttle(SEARCH::equals, 503, 1, "3600");
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));
        assertEquals(FetchFailure.Reason.REFUSED, f.reason());
        assertTrue(f.getMessage().contains("asked to wait 3600 s"), f.getMessage());
        assertEquals(1, site.hits().stream().filter(FakeLgoSite.Hit::isSearch).count());
    }

    @Test
    void decisionsGoneOnTwoRunsADayApartAreRecordedWithdrawnAndNeverAskedForAgain() throws IOException {
        List<SiteDecision> october = site.decisions().stream()
                .filter(d -> !d.date().isBefore(OCT_1) && !d.date().isAfter(OCT_31)).toList();
        site.withdraw(october.get(0), 404).withdraw(october.get(1), 410);
        Fetcher.Report first = Fetches.fetch(site, dir, OCT_1, OCT_31);

        assertEquals(2, first.count(DecisionStatus.GONE_FOR_NOW), "one answer is not enough");
        assertEquals(0, first.count(DecisionStatus.FETCHED));
        assertTrue(first.complete(), "a decision taken down is not a fault of the fetch");
        List<String> withdrawn = Files.readAllLines(dir.resolve(".fetch/withdrawn.tsv"));
        assertEquals("path\tstatus\tat", withdrawn.get(0));
        assertEquals(Set.of(october.get(0).path() + "\t404", october.get(1).path() + "\t410"),
                withdrawn.stream().skip(1).map(l -> l.substring(0, l.lastIndexOf('\t'))).collect(Collectors.toSet()));

        Fetcher.Report sameDay = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(2, sameDay.count(DecisionStatus.GONE_FOR_NOW), "asked again the same day: not yet withdrawn");

        Fetcher.Report nextDay = Fetches.fetch(site, dir, OCT_1, OCT_31, Fetches.TEST_RATE,
                Fetches.on(Fetches.TODAY.plusDays(1)));
        assertEquals(2, nextDay.count(DecisionStatus.WITHDRAWN));

        site.forgetHits();
        Fetcher.Report after = Fetches.fetch(site, dir, OCT_1, OCT_31, Fetches.TEST_RATE,
                Fetches.on(Fetches.TODAY.plusDays(2)));
        assertEquals(2, after.count(DecisionStatus.WITHDRAWN));
        assertTrue(site.hits().stream().noneMatch(FakeLgoSite.Hit::isDecision), "not asked for again");
    }

    @Test
    void slowAnswersAreWaitedFor() {
        site.slow(Duration.ofMillis(150));
        assertEquals(2, Fetches.fetch(site, dir, OCT_1, OCT_31).count(DecisionStatus.FETCHED));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsANetworkFailureAndTheNextRunResumes() {
        site.slow(Duration.ofMillis(600));
        Politeness impatient = new Politeness(2, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(200));
        FetchFailure f = assertThrows(FetchFailure.class, () -> new Fetcher(new FetchOptions(site.uri(), dir, OCT_1,
                OCT_31, Fetches.TEST_RATE, Fetches.AGENT), impatient, Fetches.on(Fetches.TODAY), FetchProgress.SILENT)
                .run());
        assertEquals(FetchFailure.Reason.NETWORK, f.reason());
        assertEquals(ExitCode.FAILED, f.exitCode());
        assertTrue(f.getMessage().contains("after 2 tries"), f.getMessage());

        site.slow(Duration.ZERO);
        assertEquals(2, Fetches.fetch(site, dir, OCT_1, OCT_31).count(DecisionStatus.FETCHED));
    }

    @Test
    void aSiteThatDiesMidRunLosesNothingAndTheNextRunFetchesEachPageOnce() throws IOException {
        int total = site.decisions().size();
        site.dieAfterDecisionPages(12);
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, Fetches.FIRST,
                Fetches.TODAY));
        assertEquals(FetchFailure.Reason.NETWORK, f.reason());
        assertEquals(12, savedPages().size(), "every page served was saved whole");
        try (Stream<Path> s = Files.walk(dir.resolve("decisions"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
        }

        site.revive();
        Fetcher.Report resumed = Fetches.fetch(site, dir, Fetches.FIRST, Fetches.TODAY);
        assertEquals(total - 12, resumed.count(DecisionStatus.FETCHED));
        assertEquals(total, savedPages().size());
        Map<String, Long> served = site.hits().stream().filter(h -> h.isDecision() && h.status() == 200)
                .collect(Collectors.groupingBy(FakeLgoSite.Hit::path, Collectors.counting()));
        assertEquals(total, served.size());
        assertTrue(served.values().stream().allMatch(n -> n == 1), "no page served twice: " + served);
    }

    @Test
    void aMonthWithNoResultsInWordsNotKnownIsTakenAsEmptyOnlyWhenTheSearchAnswersOtherwise() {
        site.noResultsText("No decisions match your search.");
        // 2023-12 to 2024-02 hold no decision; 2024-03 holds one.
        Fetcher.Report r = Fetches.fetch(site, dir, LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31));
        assertEquals(1, r.count(DecisionStatus.FETCHED));
        assertEquals(4, r.windows());
        assertTrue(site.hits().stream().anyMatch(h -> h.target().equals(
                "/Decisions/SearchResults?fd=2023-12-01&td=2024-03-31&page=1")), "the whole span was asked");

        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir.resolve("empty"),
                LocalDate.of(2023, 12, 1), LocalDate.of(2024, 2, 28)));
        assertEquals(FetchFailure.Reason.REFUSED, f.reason(), "nothing anywhere in words not known: not a success");
    }

    @Test
    void aDecisionPageThatIsNotADecisionIsNotSavedAndTheRunSaysItIsIncomplete() throws IOException {
        // A 200 that is no decision (a refusal or a challenge page, say) must not be kept as if it were one.
        site.throttle(p -> p.startsWith("/decisions/"), 200, 1, null);
        Fetcher.Report r = Fetches.fetch(site, dir, OCT_1, OCT_31);
        assertEquals(1, r.count(DecisionStatus.FAILED));
        assertEquals(1, savedPages().size(), "the other decision only");
        assertEquals(ExitCode.INCOMPLETE, r.incomplete().exitCode());
        assertTrue(r.incomplete().getMessage().contains("not saved, asked again next run"), r.incomplete().getMessage());
    }

    @Test
    void resultCardsWithoutAnchorsAreStillFound() {
        site.linksInData(true);
        assertEquals(2, Fetches.fetch(site, dir, OCT_1, OCT_31).count(DecisionStatus.FETCHED));
    }

    private List<Path> savedPages() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("decisions"))) {
            return s.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    @Test
    void aFetchIntoAFolderAnotherFetchIsUsingIsRefusedAtOnce() throws Exception {
        site.slow(Duration.ofMillis(200));
        Thread first = new Thread(() -> Fetches.fetch(site, dir, OCT_1, OCT_31));
        first.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (site.hits().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));
            assertEquals(FetchFailure.Reason.LOCKED, f.reason());
            assertEquals(ExitCode.LOCKED, f.exitCode());
        } finally {
            first.join();
        }
        assertFalse(site.mostInFlight() > 1, "the site never had two requests at once");
    }
}
