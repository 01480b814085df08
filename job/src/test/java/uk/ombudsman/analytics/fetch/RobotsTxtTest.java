package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it, plus Crawl-delay. The files are invented. */
class RobotsTxtTest {
    @Test
    void wildcardsAndEndAnchorsMatchThePathAndQuery() {
        RobotsTxt r = RobotsTxt.parse("User-agent: *   # everyone\nDisallow: /*?k=\nDisallow: /*.pdf$\n"
                + "Sitemap: https://example.org/sitemap.xml\nDisallow: /private\n", Fetcher.AGENT);
        assertFalse(r.allows("/search/?k=council+tax"));
        assertFalse(r.allows("/reports/annual.pdf"));
        assertTrue(r.allows("/reports/annual.pdf.html"));
        assertFalse(r.allows("/private/x"), "a Sitemap line does not end the group");
        assertTrue(r.allows("/decisions/housing/allocations/19-007-429"));
    }

    @Test
    void consecutiveUserAgentLinesShareTheirRulesAndTheCrawlDelay() {
        RobotsTxt r = RobotsTxt.parse("User-agent: somebot\nUser-agent: ombudsman-analytics/2.0\nCrawl-delay: 5\n"
                + "Disallow: /Decisions/\n\nUser-agent: *\nCrawl-delay: 1\n", Fetcher.AGENT);
        assertEquals(Duration.ofSeconds(5), r.crawlDelay());
        assertFalse(r.allows("/Decisions/SearchResults?fd=2024-01-01"));
        assertTrue(r.allows("/decisions/housing"), "paths are matched with their case");
    }

    @Test
    void anUnreadableCrawlDelayAndAnEmptyDisallowAllowEverything() {
        RobotsTxt r = RobotsTxt.parse("User-agent: *\nCrawl-delay: soon\nDisallow:\n", Fetcher.AGENT);
        assertEquals(Duration.ZERO, r.crawlDelay());
        assertTrue(r.allows("/anything"));
    }

    @Test
    void aRuleOfManyStarsIsMatchedAtOnceAndStillRight() {
        // Eight stars against a long path that fails at its end: a backtracking regex tries every split of the path.
        RobotsTxt r = RobotsTxt.parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*b$\n", Fetcher.AGENT);
        String path = "/" + "a".repeat(400) + "c";
        boolean allowed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> r.allows(path));
        assertTrue(allowed);
        assertFalse(r.allows("/" + "a".repeat(400) + "b"));
        assertTrue(r.allows("/" + "a".repeat(400) + "bc"), "$ anchors the end");
    }

    @Test
    void globsMatchLiteralPiecesInOrderWithStarsBetween() {
        assertTrue(RobotsTxt.globMatches("/x*y*z", "/x1y2z3", false), "a prefix is enough unanchored");
        assertFalse(RobotsTxt.globMatches("/x*y*z", "/x1y2z3", true));
        assertTrue(RobotsTxt.globMatches("/x*y*z", "/xzyz", true), "a later y and z after it");
        assertFalse(RobotsTxt.globMatches("/x*yz", "/xzy", false));
        assertTrue(RobotsTxt.globMatches("*", "", true));
        assertFalse(RobotsTxt.globMatches("/ab*ab", "/ab", true), "the pieces may not overlap");
    }
}
