package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against the imitation: what it asks, what it keeps, and when it says the fetch cannot run. */
class ProbeTest {
    /** Three months after the busy month, so the probe's busy month is it. */
    private static final LocalDate JUNE = LocalDate.of(2024, 6, 15);

    @TempDir
    Path dir;

    private Probe.Result probe(FakeLgoSite site) {
        return new Probe(new FetchOptions(site.uri(), dir, null, null, Fetches.TEST_RATE, Fetches.AGENT),
                Fetches.QUICK, Fetches.on(JUNE)).run();
    }

    @Test
    void againstASiteAsAssumedEveryAssumptionHoldsAndEachAnswerIsKept() throws IOException {
        try (FakeLgoSite site = FakeLgoSite.serving(SiteCorpus.busyMonth())) {
            Probe.Result r = probe(site);
            Map<String, Boolean> held = r.checks().stream().collect(Collectors.toMap(Probe.Check::assumption,
                    Probe.Check::held));
            assertTrue(r.fetchCanRun(), r.checks().toString());
            assertEquals(List.of(), r.checks().stream().filter(c -> !c.held()).toList());
            assertTrue(held.get("a removed decision answers 404 or 410"));
            for (String file : List.of("robots.txt", "decisions.html", "search-busy-page1.html",
                    "search-busy-page2.html", "search-busy-past-the-end.html", "search-empty-month.html",
                    "decision.html", "removed-decision.html", "report.md")) {
                assertTrue(Files.exists(r.report().resolveSibling(file)), file);
            }
            assertTrue(Files.readString(r.report()).contains("| page 2 holds other decisions than page 1 | yes | yes |"),
                    Files.readString(r.report()));
            assertTrue(site.hits().size() <= 12, "a short contact: " + site.hits().size() + " requests");
            assertTrue(site.hits().stream().noneMatch(h -> h.status() >= 500));
        }
    }

    @Test
    void aSiteThatIgnoresThePageNumberFailsAnAssumptionTheFetchReliesOn() throws IOException {
        try (FakeLgoSite site = FakeLgoSite.serving(SiteCorpus.busyMonth())) {
            site.answer(p -> p.equals("/Decisions/SearchResults"), 200, 100, Map.of(),
                    SitePages.results(SiteCorpus.busyMonth().subList(0, 10), 32, 1, 10, "", null, false));
            Probe.Result r = probe(site);
            assertFalse(r.fetchCanRun());
            assertFalse(r.checks().stream().filter(c -> c.assumption().startsWith("page 2")).findFirst().orElseThrow()
                    .held());
            assertTrue(Files.readString(r.report()).contains("| page 2 holds other decisions than page 1 | **no** |"));
        }
    }
}
