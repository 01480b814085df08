package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.base.Digests;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.reports.Columns;

/** A whole fetch from the imitation of the site, then the job on what it saved. */
class FetchEndToEndTest {
    @TempDir
    static Path dir;
    static FakeLgoSite site;
    static Path fetched;
    static Fetcher.Report report;
    static List<FakeLgoSite.Hit> hits;

    @BeforeAll
    static void fetchTheWholeSite() throws IOException {
        site = FakeLgoSite.serving(SiteCorpus.standard());
        fetched = dir.resolve("fetched");
        report = Fetches.fetch(site, fetched, Fetches.FIRST, Fetches.TODAY);
        hits = site.hits();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyDecisionIsSavedAsServedAtTheSitesOwnPath() throws IOException {
        List<SiteDecision> all = site.decisions();
        assertEquals(all.size(), report.count(DecisionStatus.FETCHED));
        for (SiteDecision d : all) {
            Path file = fetched.resolve(d.path().substring(1) + ".html");
            assertArrayEquals(site.pageOf(d).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file), d.path());
        }
        try (Stream<Path> files = Files.walk(fetched.resolve("decisions"))) {
            assertEquals(all.size(), files.filter(Files::isRegularFile).count(), "nothing else, no temporary file");
        }
        assertTrue(Files.exists(fetched.resolve("decisions/children-s-care-services/other/19-010-781b.html")),
                "a letter-suffixed reference keeps its suffix");
    }

    @Test
    void theJobReportsTheSameFromTheSavedPagesAsFromTheDecisionsText() throws IOException {
        Path text = dir.resolve("text");
        SiteCorpus.writeText(site.decisions(), text);
        JobResult fromPages = JobRuns.run(fetched, dir.resolve("out-pages"));
        JobResult fromText = JobRuns.run(text, dir.resolve("out-text"));
        assertEquals(site.decisions().size(), fromPages.decisions());
        assertEquals(0, fromPages.quarantined());
        assertEquals(site.decisions().size(), fromPages.filesRead(), "the state folder is hidden from the job");
        List<String> reports = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("out-text"))) {
            s.filter(p -> p.toString().endsWith(".csv")).forEach(p -> reports.add(dir.resolve("out-text")
                    .relativize(p).toString()));
        }
        assertTrue(reports.size() >= 13, reports.toString());
        for (String csv : reports) {
            if (csv.equals("decisions.csv")) {
                continue; // it names each decision's source file, .html in one and .txt in the other
            }
            assertArrayEquals(Files.readAllBytes(dir.resolve("out-text").resolve(csv)),
                    Files.readAllBytes(dir.resolve("out-pages").resolve(csv)), csv + " differs");
        }
        assertEquals(withoutSource(dir.resolve("out-text/decisions.csv")),
                withoutSource(dir.resolve("out-pages/decisions.csv")), "every field but the source file's");
    }

    @Test
    void theSiteSawOneRequestAtATimeEachDecisionPageOnceAndWhoWasAsking() {
        assertEquals(1, site.mostInFlight());
        assertEquals("/robots.txt", hits.get(0).path());
        assertEquals("/decisions", hits.get(1).path());
        assertTrue(Fetches.decisionRequests(hits).values().stream().allMatch(n -> n == 1));
        assertEquals(site.decisions().size(), Fetches.decisionRequests(hits).size());
        assertTrue(hits.stream().allMatch(h -> Fetches.AGENT.equals(h.userAgent())));
        assertTrue(hits.stream().filter(FakeLgoSite.Hit::isSearch).allMatch(FakeLgoSite.Hit::session),
                "every search carried the session cookie of /decisions");
        assertEquals(hits.size(), report.requests());
    }

    @Test
    void theStateHoldsEveryWindowAndALineForEveryRequest() throws IOException {
        List<String> windows = Files.readAllLines(fetched.resolve(".fetch/windows.tsv"));
        // Empty months are recorded after the others, once asked again at the end of the run.
        List<String> months = windows.stream().skip(1).map(l -> l.split("\t")[0]).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (YearMonth m = YearMonth.from(Fetches.FIRST); !m.isAfter(YearMonth.from(Fetches.TODAY)); m = m.plusMonths(1)) {
            expected.add(m.toString());
        }
        assertEquals(expected, months);
        List<String> requests = Files.readAllLines(fetched.resolve(".fetch/requests.tsv"));
        assertEquals("time\turl\tstatus\tbytes\tsha256\tnote", requests.get(0));
        assertEquals(hits.size(), requests.size() - 1);
        for (String line : requests.subList(1, requests.size())) {
            String[] f = line.split("\t", -1);
            assertEquals("200", f[2], line);
            if (f[1].contains("/decisions/") && f[1].matches(".*/decisions/[^/]+/[^/]+/[^/]+$")) {
                byte[] saved = Files.readAllBytes(fetched.resolve(f[1].replaceFirst("^https?://[^/]+/", "") + ".html"));
                assertEquals(String.valueOf(saved.length), f[3]);
                assertEquals(Digests.sha256(saved), f[4]);
            }
        }
    }

    private static Map<String, List<String>> withoutSource(Path decisionsCsv) throws IOException {
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        for (CSVRecord r : JobRuns.csv(decisionsCsv)) {
            List<String> values = new ArrayList<>();
            r.toMap().forEach((k, v) -> {
                if (!k.equals(Columns.SOURCE) && !k.equals(Columns.SOURCE_SHA256)) {
                    values.add(k + "=" + v);
                }
            });
            rows.put(r.get(Columns.CASE_REF), values);
        }
        return rows;
    }
}
