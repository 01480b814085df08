package uk.ombudsman.analytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.fetch.FakeLgoSite;
import uk.ombudsman.analytics.fetch.Fetcher;
import uk.ombudsman.analytics.fetch.SiteCorpus;
import uk.ombudsman.analytics.fetch.SiteDecision;
import uk.ombudsman.analytics.nightly.NightlyRun;

/** jobs/fetch.sh and jobs/nightly.sh --fetch as a user runs them, against the imitation of the site. */
class FetchIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, String> ENV = Map.of("OMBUDSMAN_FETCH_CONTACT", "it@example.org");

    @TempDir
    static Path dir;
    static FakeLgoSite site;

    @BeforeAll
    static void startTheSite() throws IOException {
        site = FakeLgoSite.serving(SiteCorpus.standard());
    }

    @AfterAll
    static void stopTheSite() {
        site.close();
    }

    @Test
    void aFetchKilledPartWayIsResumedByTheNextAndNoPageIsServedTwiceBarTheOneInFlight() throws Exception {
        Path out = dir.resolve("killed");
        site.forgetHits();
        Path log = dir.resolve("killed.log");
        Process fetch = Scripts.start(log, ENV, "fetch.sh", "--out", out.toString(), "--site", site.uri().toString(),
                "--from", "2015-01-01", "--to", "2026-02-01", "--rate", "20");
        Scripts.await(() -> served(site.hits()).size() >= 10, TIMEOUT, log);
        fetch.destroyForcibly().waitFor(); // SIGKILL, as a reboot or the OOM killer would
        int servedBeforeTheKill = served(site.hits()).size();

        Path nextLog = dir.resolve("resumed.log");
        assertEquals(0, Scripts.run(nextLog, ENV, TIMEOUT, "fetch.sh", "--out", out.toString(), "--site",
                site.uri().toString(), "--from", "2015-01-01", "--to", "2026-02-01", "--rate", "200"),
                Scripts.read(nextLog));

        List<SiteDecision> all = site.decisions();
        for (SiteDecision d : all) {
            assertTrue(Files.exists(out.resolve(d.path().substring(1) + ".html")), d.path());
        }
        try (Stream<Path> files = Files.walk(out.resolve("decisions"))) {
            assertEquals(all.size(), files.filter(p -> Files.isRegularFile(p)
                    && !p.getFileName().toString().startsWith(".")).count(), "every page, whole, and nothing else");
        }
        Map<String, Long> served = served(site.hits());
        long twice = served.values().stream().filter(n -> n > 1).count();
        System.out.printf("FetchIT: killed after %d decision pages; %d of %d pages served twice%n",
                servedBeforeTheKill, twice, all.size());
        assertTrue(twice <= 1 && served.values().stream().allMatch(n -> n <= 2), "only the page in flight: " + served);
        assertTrue(Scripts.read(nextLog).contains("Fetched "), Scripts.read(nextLog));
        assertTrue(site.hits().stream().allMatch(h -> h.userAgent().endsWith("contact: it@example.org)")));
    }

    @Test
    void theNightlyRunFetchesFirstAndARefusingSiteLeavesThePublishedReportsAsTheyWere() throws Exception {
        Path landing = dir.resolve("landing");
        Path root = dir.resolve("root");
        String[] args = {"--fetch", "--site", site.uri().toString(), "--rate", "100", "--landing", landing.toString(),
            "--root", root.toString(), "--master", "local[2]"};
        Path log = dir.resolve("nightly.log");
        assertEquals(0, Scripts.run(log, ENV, TIMEOUT, "nightly.sh", args), Scripts.read(log));
        Path published = root.resolve(NightlyRun.LATEST).toRealPath();
        // A first fetch searches from the start of publication to today.
        int expected = site.listedBetween(Fetcher.PUBLICATION_START, LocalDate.now(ZoneId.of("Europe/London"))).size();
        Map<?, ?> counts = (Map<?, ?>) JobRuns.manifest(published).get("counts");
        assertEquals(String.valueOf(expected), String.valueOf(counts.get("decisions")), Scripts.read(log));
        assertTrue(Scripts.read(log).contains("Fetched " + expected + " new decisions"), Scripts.read(log));
        // jobs/nightly.sh gives the run the project's notebooks runner: the run carries the executed notebooks.
        assertTrue(Files.isRegularFile(published.resolve(NightlyRun.NOTEBOOKS).resolve("councils.html")),
                Scripts.read(log));

        site.robots(200, "User-agent: *\nDisallow: /Decisions/SearchResults\n");
        try {
            Path refusedLog = dir.resolve("refused.log");
            assertEquals(ExitCode.REFUSED.code(), Scripts.run(refusedLog, ENV, TIMEOUT, "nightly.sh", args),
                    Scripts.read(refusedLog));
            assertTrue(Scripts.read(refusedLog).contains("error: robots.txt disallows /Decisions/SearchResults"),
                    Scripts.read(refusedLog));
            assertEquals(published, root.resolve(NightlyRun.LATEST).toRealPath(), "latest is as it was");
        } finally {
            site.robots(200, "User-agent: *\nDisallow:\n");
        }
    }

    /** How often each decision page was served whole. */
    private static Map<String, Long> served(List<FakeLgoSite.Hit> hits) {
        return hits.stream().filter(h -> h.isDecision() && h.status() == 200)
                .collect(Collectors.groupingBy(FakeLgoSite.Hit::path, Collectors.counting()));
    }
}
