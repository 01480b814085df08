package uk.ombudsman.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.cli.Commands.Outcome;
import uk.ombudsman.analytics.fetch.FakeLgoSite;
import uk.ombudsman.analytics.fetch.Fetcher;
import uk.ombudsman.analytics.fetch.SiteCorpus;

/** {@code fetch} on the command line: its options, its progress and summary, and its exit codes. */
class FetchCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpNamesTheOptionsTheDefaultsAndTheExitCodes() {
        Outcome o = Commands.run("fetch", "--help");
        assertEquals(0, o.code());
        for (String option : new String[] {"--out", "--site", "--from", "--to", "--rate", "--contact"}) {
            assertTrue(o.out().contains(option), option + ": " + o.out());
        }
        assertTrue(o.out().replaceAll("\\s+", "").contains("(default:https://www.lgo.org.uk)"), o.out());
        String words = o.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("7 the site refused this client or has changed"), o.out());
        assertTrue(words.contains("5 another run into the same folder holds its lock"), o.out());
        assertTrue(words.contains("8 the fetch is incomplete"), o.out());
        // The codes named in the text are the numbers, not the names they are looked up by.
        assertTrue(words.contains("exit 7) on a search page"), o.out());
        assertTrue(words.contains("and exit 8; what was fetched is kept"), o.out());
        assertTrue(Commands.run("nightly", "--help").out().contains("--fetch"));
    }

    @Test
    void badOptionsAreOneLineAndExitCodeTwo() {
        String out = dir.toString();
        assertOneLine(Commands.run("fetch", "--out", out, "--from", "2024-02-01", "--to", "2024-01-01"),
                "--from 2024-02-01 is after --to 2024-01-01");
        assertOneLine(Commands.run("fetch", "--out", out, "--browser", "/no/such/chromium"),
                "--browser: no executable /no/such/chromium (install Debian's chromium, or give its path)");
        assertOneLine(Commands.run("fetch", "--out", out, "--rate", "0"),
                "--rate must be a number of requests a second above 0, not 0.0");
        assertOneLine(Commands.run("fetch", "--out", out, "--site", "ftp://example.org"),
                "--site must be an http or https address, not ftp://example.org");
        assertOneLine(Commands.run("fetch", "--out", out, "--to", "2010-01-01"),
                "--from 2016-01-01 (the default) is after --to 2010-01-01");
        Outcome date = Commands.run("fetch", "--out", out, "--from", "2024-13-01");
        assertEquals(2, date.code());
        assertTrue(date.err().startsWith("Invalid value for option '--from'"), date.err());
        assertOneLine(Commands.run("nightly", "--landing", out, "--root", out, "--site", "http://127.0.0.1:1"),
                "--site, --rate, --contact and --max-time need --fetch");
        assertOneLine(Commands.run("nightly", "--fetch", "--landing", "hdfs://nn/landing", "--root", out),
                "--fetch needs a local landing folder, not hdfs://nn/landing");
    }

    private static void assertOneLine(Outcome o, String message) {
        assertEquals(2, o.code(), o.err());
        assertEquals(message, o.err().lines().findFirst().orElse(""));
    }

    @Test
    void aFetchShowsItsProgressAndWhatItDidAndExitsZero() throws IOException {
        try (FakeLgoSite site = FakeLgoSite.serving(SiteCorpus.standard())) {
            Outcome o = Commands.run("fetch", "--out", dir.toString(), "--site", site.uri().toString(), "--from",
                    "2023-10-01", "--to", "2023-10-31", "--rate", "100", "--contact", "newsdesk@example.org");
            assertEquals(0, o.code(), o.err());
            assertTrue(o.err().contains("fetching decisions dated 2023-10-01 to 2023-10-31: 1 months, one request "
                    + "every 0.01 s at most"), o.err());
            assertTrue(o.err().contains("2023-10 (1 of 1 months): 2 listed, 2 fetched, 0 already here"), o.err());
            assertTrue(o.out().startsWith("Fetched 2 new decisions (0 withdrawn, 0 gone for now, 0 not kept, 0 "
                    + "disallowed by robots.txt, 0 already here) dated 2023-10-01 to 2023-10-31, in 5 requests"),
                    o.out());
            String agent = site.hits().get(0).userAgent();
            assertTrue(agent.startsWith(Fetcher.AGENT + "/") && agent.endsWith("contact: newsdesk@example.org)"),
                    agent);
        }
    }

    @Test
    void aFetchThatCouldNotKeepADecisionSaysWhichAndExitsEight() throws IOException {
        try (FakeLgoSite site = FakeLgoSite.serving(SiteCorpus.standard())) {
            site.throttle(p -> p.startsWith("/decisions/") && p.split("/").length == 5, 200, 1, null);
            Outcome o = Commands.run("fetch", "--out", dir.toString(), "--site", site.uri().toString(), "--from",
                    "2023-10-01", "--to", "2023-10-31", "--rate", "100", "--max-time", "10m");
            assertEquals(ExitCode.INCOMPLETE.code(), o.code(), o.err());
            assertTrue(o.out().startsWith("Fetched 1 new decisions (0 withdrawn, 0 gone for now, 1 not kept"), o.out());
            assertTrue(o.err().contains("the fetch is incomplete (1 problem)"), o.err());
            assertTrue(o.err().contains("without the site's decision article"), o.err());
        }
    }

    @Test
    void aMaxTimeThatIsNotADurationIsABadOption() {
        Outcome o = Commands.run("fetch", "--out", dir.toString(), "--max-time", "soon");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("'soon' is not a duration like 45m, 2h or 90s"), o.err());
    }

    @Test
    void aSiteThatRefusesIsExitSevenInOneLine() throws IOException {
        try (FakeLgoSite site = FakeLgoSite.serving(SiteCorpus.standard())) {
            site.robots(200, "User-agent: *\nDisallow: /Decisions/SearchResults\n");
            Outcome o = Commands.run("fetch", "--out", dir.toString(), "--site", site.uri().toString(), "--from",
                    "2023-10-01", "--to", "2023-10-31", "--rate", "100", "--quiet");
            assertEquals(ExitCode.REFUSED.code(), o.code());
            assertEquals("error: robots.txt disallows /Decisions/SearchResults?fd=2023-10-01&td=2023-10-31&page=1: the "
                    + "search cannot be read", o.err().strip());
            assertEquals("", o.out());
        }
    }
}
