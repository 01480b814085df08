package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ombudsman.analytics.fetch.SiteDecision;
import uk.ombudsman.analytics.fetch.SitePages;
import uk.ombudsman.analytics.fetch.SitePages.Style;
import uk.ombudsman.analytics.fetch.SitePages.TitlePlacement;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * Decision pages as www.lgo.org.uk serves them (the article, its label and value header, the title line inside the
 * article's header or before the article, furniture around) read as the same record as the decision's text. The
 * pages are the project's imitation of the site (SitePages, a reconstruction); the texts are the five real seeds.
 */
class SiteLayoutTest {
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    static Stream<Arguments> seedsInEveryStyle() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(SeedTruthTest.SEEDS)) {
            for (Path seed : files.sorted().toList()) {
                for (TitlePlacement title : TitlePlacement.values()) {
                    all.add(Arguments.of(seed.getFileName().toString(), new Style(title, false, false)));
                    all.add(Arguments.of(seed.getFileName().toString(), new Style(title, true, true)));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("seedsInEveryStyle")
    void theSitesPageGivesTheSameRecordAsTheText(String seed, Style style) throws IOException {
        String text = Files.readString(SeedTruthTest.SEEDS.resolve(seed), StandardCharsets.UTF_8);
        String page = SitePages.decision(SiteDecision.fromText(text, null, null, null), style);
        DecisionRecord expected = parse(text);
        DecisionRecord actual = parse(page);
        assertEquals(expected.getCaseRef(), actual.getCaseRef());
        assertEquals(expected.getCouncil(), actual.getCouncil());
        assertEquals(expected.getCategory(), actual.getCategory());
        assertEquals(expected.getSubcategory(), actual.getSubcategory());
        assertEquals(expected.getOutcomeRaw(), actual.getOutcomeRaw());
        assertEquals(expected.getDecisionDate(), actual.getDecisionDate());
        assertEquals(expected.getSummary(), actual.getSummary());
        assertEquals(expected.getPayments(), actual.getPayments());
        assertEquals(expected.getRemedies(), actual.getRemedies());
        assertEquals(expected.getRemedyDeadlineDays(), actual.getRemedyDeadlineDays());
        assertEquals(expected.getDelayFault(), actual.getDelayFault());
        assertEquals(expected.getComplaintDate(), actual.getComplaintDate());
        assertEquals(expected.getParseWarnings(), actual.getParseWarnings());
    }

    @Test
    void labelsAndValuesInAnyElementsBecomeOneHeaderLine() {
        // Invented markup: the header fields as divs, as a definition list, labels without a colon.
        String page = "<html><body><h1>Site</h1><main><h2>Somerset Council (24 001 234)</h2>"
                + "<article id=\"article\"><div class=\"row\"><div class=\"label\">Category:</div></div>"
                + "<div class=\"row\"><div class=\"value\"><a href=\"/decisions/housing\">Housing</a><span>&gt;</span>"
                + "<a href=\"/decisions/housing/homelessness\">Homelessness</a></div></div>"
                + "<dl><dt class=\"label\">Decision</dt><dd class=\"value\">Upheld</dd>"
                + "<dt class=\"label\">Decision date</dt><dd class=\"value\">03 Mar 2025</dd></dl>"
                + "<p>The Ombudsman&#39;s final decision:</p><p>Summary: Mrs X complained about the Council. We "
                + "found fault.</p><p>Print this page</p></article><aside><h3>Related</h3>"
                + "<p>Other Council (23 999 999)</p></aside></main></body></html>";
        String text = HtmlText.render(page);
        assertTrue(text.startsWith("Somerset Council (24 001 234)\n"), text);
        assertTrue(text.contains("\nCategory : Housing > Homelessness\n"), text);
        assertTrue(text.contains("\nDecision : Upheld\nDecision date : 03 Mar 2025\n"), text);
        assertFalse(text.contains("Related") || text.contains("Site"), "only the article and its title: " + text);
        DecisionRecord r = parse(page);
        assertEquals("24 001 234", r.getCaseRef());
        assertEquals("Somerset Council", r.getCouncil());
        assertEquals("Housing", r.getCategory());
        assertEquals("Homelessness", r.getSubcategory());
        assertEquals(Outcome.UPHELD, r.getOutcome());
        assertEquals("2025-03-03", String.valueOf(r.getDecisionDate()));
    }

    @Test
    void theNearestTitleBeforeTheArticleIsTheDecisionsOwn() {
        // Invented markup: a list of other decisions earlier in the page, then the title split across elements.
        String page = "<html><body><ul class=\"recent\"><li>Kent County Council (22 000 001)</li></ul><main>"
                + "<div><h2>Leeds City Council <span>(21 004 567 b)</span></h2></div><article id=\"article\">"
                + "<p>The Ombudsman's final decision:</p><p>Summary: We will not investigate.</p></article></main>"
                + "</body></html>";
        DecisionRecord r = parse(page);
        assertEquals("21 004 567b", r.getCaseRef());
        assertEquals("Leeds City Council", r.getCouncil());
    }

    @Test
    void pagesWithoutTheSitesArticleAreReadAsBefore() {
        // Invented markup: a page saved by other means, its title in an h1 with no article element.
        String page = "<html><body><nav>Home</nav><h1>Leeds City Council (21 004 567)</h1><p>Category : Housing &gt; "
                + "Allocations</p><p>Decision : Not upheld</p><p>Summary: No fault.</p><footer>x</footer></body></html>";
        assertEquals("Leeds City Council (21 004 567)\nCategory : Housing > Allocations\nDecision : Not upheld\n"
                + "Summary: No fault.\n", HtmlText.render(page));
    }

    private static DecisionRecord parse(String content) {
        ParseResult r = PARSER.parse("x", content.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.isDecision(), () -> "quarantined: " + r.rejection());
        return r.decision();
    }
}
