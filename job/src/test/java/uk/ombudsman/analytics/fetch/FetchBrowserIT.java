package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_1;
import static uk.ombudsman.analytics.fetch.Fetches.OCT_31;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * --browser against an imitation whose search results appear only after its script runs: a plain fetch stops as
 * refused; with a real headless Chromium (Debian's chromium, which CI installs) every decision is listed and saved.
 * An integration test (-Pintegration), as it needs that package; it fails, never skips, without it.
 */
class FetchBrowserIT extends AgainstTheImitation {
    /** The Chromium CI installs: these tests need it, and fail (not skip) without it. */
    private static Path chromium() {
        Path found = Browser.find("chromium");
        assertNotNull(found, "no chromium on PATH: install Debian's chromium (CI does)");
        return found;
    }

    private List<SiteDecision> october() {
        return site.decisions().stream().filter(d -> !d.date().isBefore(OCT_1) && !d.date().isAfter(OCT_31))
                .toList();
    }

    @Test
    void withoutABrowserAScriptedSearchIsRefusedAndSaysBrowserWouldRenderIt() {
        site.scriptedResults(true);
        FetchFailure f = assertThrows(FetchFailure.class, () -> Fetches.fetch(site, dir, OCT_1, OCT_31));
        assertEquals(FetchFailure.Reason.REFUSED, f.reason());
        assertTrue(f.getMessage().contains("--browser"), f.getMessage());
    }

    @Test
    void withABrowserTheScriptedSearchIsRenderedAndEveryDecisionSaved() throws Exception {
        site.scriptedResults(true);
        Fetcher.Report r = new Fetcher(new FetchOptions(site.uri(), dir, OCT_1, OCT_31, Fetches.TEST_RATE,
                Fetches.AGENT, null, chromium()), Fetches.QUICK, Fetches.on(Fetches.TODAY), FetchProgress.SILENT)
                .run();

        assertTrue(r.complete(), "complete");
        assertEquals(october().size(), r.count(DecisionStatus.FETCHED));
        for (SiteDecision d : october()) {
            assertTrue(Files.exists(new DecisionPath(d.categorySlug(), d.subcategorySlug(), d.refSlug()).file(dir)), d.path());
        }
        // The browser's requests carry the same User-Agent and are logged as rendered.
        assertTrue(site.hits().stream().filter(FakeLgoSite.Hit::isSearch).allMatch(h -> h.userAgent().equals(
                Fetches.AGENT)), "same User-Agent");
        String log = Files.readString(dir.resolve(".fetch/requests.tsv"));
        assertTrue(log.contains("rendered by "), log);
    }
}
