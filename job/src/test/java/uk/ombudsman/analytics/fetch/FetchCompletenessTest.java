package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.base.ExitCode;

/**
 * A busy month (32 decisions, four to a day) against a search that pages, orders and counts as a real site may: every
 * decision is fetched, or the run says which month it could not list whole and exits 8; never a quiet success with
 * decisions missing.
 */
class FetchCompletenessTest {
    private static final LocalDate MARCH_1 = SiteCorpus.BUSY;
    private static final LocalDate MARCH_31 = LocalDate.of(2024, 3, 31);

    @TempDir
    Path dir;
    FakeLgoSite site;

    @BeforeEach
    void startTheSite() throws IOException {
        site = FakeLgoSite.serving(SiteCorpus.busyMonth());
    }

    @AfterEach
    void stopTheSite() {
        site.close();
    }

    @Test
    void resultPagesOfFiveAreWalkedToTheCountNotToTheTenAssumed() throws IOException {
        site.pageSize(5);
        Fetcher.Report r = Fetches.fetch(site, dir, MARCH_1, MARCH_31);
        assertEquals(32, r.count(DecisionStatus.FETCHED));
        assertTrue(r.complete(), r.problems().toString());
        assertEquals(allPaths(), saved());
        assertEquals(List.of("32\t32\tcomplete"), windowRows());
    }

    @Test
    void resultPagesOfTwentyAreWalkedToTheCount() throws IOException {
        site.pageSize(20);
        Fetcher.Report r = Fetches.fetch(site, dir, MARCH_1, MARCH_31);
        assertEquals(32, r.count(DecisionStatus.FETCHED));
        assertTrue(r.complete());
        assertEquals(2, site.hits().stream().filter(FakeLgoSite.Hit::isSearch).count(), "two pages, no more");
    }

    @Test
    void resultsReorderedBetweenPagesAreCompletedByWalkingAgainInSmallerWindows() throws IOException {
        site.unstableOrder(true);
        Fetcher.Report r = Fetches.fetch(site, dir, MARCH_1, MARCH_31);
        assertTrue(r.complete(), r.problems().toString());
        assertEquals(32, r.count(DecisionStatus.FETCHED));
        assertEquals(allPaths(), saved());
        assertTrue(site.hits().stream().filter(FakeLgoSite.Hit::isSearch).anyMatch(h -> !h.query().startsWith(
                "fd=2024-03-01&td=2024-04-01")), "smaller windows were searched");
    }

    @Test
    void aListingThatNeverReachesTheCountIsRecordedIncompleteAndSaidSoWithExitEight() throws IOException {
        // Every search, whatever its dates or page, shows the same ten results and counts forty.
        site.answer(p -> p.equals("/Decisions/SearchResults"), 200, 1000, Map.of(),
                SitePages.results(SiteCorpus.busyMonth().subList(0, 10), 40, 1, 10, "fd=2024-03-01&td=2024-04-01",
                        null, false));
        Fetcher.Report r = Fetches.fetch(site, dir, MARCH_1, MARCH_31);
        assertFalse(r.complete());
        assertEquals(10, r.count(DecisionStatus.FETCHED), "what was listed is fetched");
        assertTrue(r.problems().get(0).startsWith("2024-03: listed 10 of the 40 results the search counts"),
                r.problems().toString());
        FetchFailure f = r.incomplete();
        assertEquals(ExitCode.INCOMPLETE, f.exitCode());
        assertTrue(f.getMessage().contains("2024-03: listed 10 of the 40"), f.getMessage());
        assertEquals(List.of("40\t10\tincomplete"), windowRows());
    }

    @Test
    void aMonthThatFirstAnswersNoResultsIsAskedAgainBeforeItIsRecordedEmpty() throws IOException {
        site.noResultsFor(MARCH_1, 1);
        Fetcher.Report r = Fetches.fetch(site, dir, MARCH_1, MARCH_31);
        assertEquals(32, r.count(DecisionStatus.FETCHED));
        assertEquals(List.of("32\t32\tcomplete"), windowRows());
    }

    @Test
    void aMonthEmptyOnOneRunIsSearchedAgainByTheNextDefaultRunWhateverItsSpan() throws IOException {
        SiteDecision november = SiteCorpus.redated(SiteCorpus.standard().get(33), LocalDate.of(2024, 11, 15));
        site.close();
        site = FakeLgoSite.serving(Stream.concat(SiteCorpus.busyMonth().stream(), Stream.of(november)).toList());
        site.noResultsFor(MARCH_1, 2);
        Fetches.fetch(site, dir, MARCH_1, LocalDate.of(2024, 11, 30));
        assertEquals(Set.of(november.path()), saved(), "March said 0 results twice in one run: recorded empty");

        // The default span starts four months before November, the last month completed; March is searched too.
        Fetcher.Report next = Fetches.fetch(site, dir, null, null, Fetches.TEST_RATE, Fetches.on(Fetches.TODAY));
        assertEquals(LocalDate.of(2024, 7, 1), next.from());
        assertEquals(32, next.count(DecisionStatus.FETCHED));
        assertEquals(33, saved().size());
    }

    private Set<String> allPaths() {
        return site.decisions().stream().map(SiteDecision::path).collect(Collectors.toSet());
    }

    private Set<String> saved() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("decisions"))) {
            return s.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> "/" + dir.relativize(p).toString().replace('\\', '/').replaceAll("\\.html$", ""))
                    .collect(Collectors.toSet());
        }
    }

    /** results, listed and state of each windows.tsv row. */
    private List<String> windowRows() throws IOException {
        return Files.readAllLines(dir.resolve(".fetch/windows.tsv")).stream().skip(1)
                .map(l -> l.split("\t", -1)).map(f -> f[3] + "\t" + f[4] + "\t" + f[6]).toList();
    }
}
