package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.export.OutputLayout;

/**
 * One run over a corpus of councils spelled as real pages spell them, abolished councils, a page that names no body
 * and a body that is not a council. The pages are invented, in the shape of real ones; the spellings are those the
 * issue reports seen on real pages ("London Borough Of Lambeth", "Halton Council").
 */
class CouncilReportsTest {
    @TempDir
    static Path dir;
    static Map<String, CSVRecord> byCouncil;
    static Map<String, CSVRecord> byCurrent;
    static List<CSVRecord> quality;
    static List<CSVRecord> decisions;
    static CSVRecord national;
    private static int ref;

    @BeforeAll
    static void runOnCouncilsSpelledManyWays() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        page(corpus, "London Borough Of Lambeth", "Upheld", 2024);
        page(corpus, "London Borough Of Lambeth", "Upheld", 2024);
        page(corpus, "London Borough of Lambeth", "Not upheld", 2024);
        page(corpus, "Halton Council", "Upheld", 2024);
        page(corpus, "Halton Borough Council", "Upheld", 2024);
        page(corpus, "Craven District Council", "Upheld", 2022);
        page(corpus, "Craven District Council", "Not upheld", 2022);
        page(corpus, "North Yorkshire Council", "Upheld", 2024);
        page(corpus, "Cumbria County Council", "Upheld", 2022);
        page(corpus, "Transport for London", "Upheld", 2024);
        // A third-party copy: the decision's text with no "Body (ref)" line.
        Files.writeString(corpus.resolve("copy.txt"), "Full decision\n\nThe Ombudsman's final decision\n\n"
                + "Summary: We found fault by the Council, which caused Mr X distress. The Council has agreed to "
                + "apologise.\n");
        Path out = dir.resolve("out");
        JobRuns.run(corpus, out);
        byCouncil = byName(out.resolve(OutputLayout.reportCsv("by_council")));
        byCurrent = byName(out.resolve(OutputLayout.reportCsv("by_current_council")));
        quality = JobRuns.csv(out.resolve(OutputLayout.reportCsv(OutputLayout.QUALITY)));
        decisions = JobRuns.csv(out.resolve(OutputLayout.DECISIONS_CSV));
        national = JobRuns.csv(out.resolve(OutputLayout.reportCsv("national"))).get(0);
    }

    @Test
    void spellingVariantsOfOneCouncilFormOneRowUnderItsListName() {
        assertEquals("3", byCouncil.get("London Borough of Lambeth").get("decisions"));
        assertEquals("2", byCouncil.get("Halton Borough Council").get("decisions"));
        assertFalse(byCouncil.containsKey("London Borough Of Lambeth"));
        assertFalse(byCouncil.containsKey("Halton Council"));
        assertEquals(List.of("Halton Council", "Halton Borough Council"), decisions.stream()
                .filter(d -> d.get("council").equals("Halton Borough Council")).map(d -> d.get("council_as_printed"))
                .toList());
    }

    @Test
    void everyCouncilRowAndDecisionCarriesItsOnsCode() {
        assertEquals("E09000022", byCouncil.get("London Borough of Lambeth").get("gss_code"));
        assertEquals("E06000006", byCouncil.get("Halton Borough Council").get("gss_code"));
        assertTrue(decisions.stream().filter(d -> d.get("council").equals("London Borough of Lambeth"))
                .allMatch(d -> d.get("gss_code").equals("E09000022")));
    }

    @Test
    void anAbolishedCouncilKeepsItsRowWithItsSuccessorAndCountsUnderItInByCurrentCouncil() {
        assertEquals("North Yorkshire Council", byCouncil.get("Craven District Council").get("successor"));
        assertEquals("2", byCouncil.get("Craven District Council").get("decisions"));
        assertEquals("1", byCouncil.get("North Yorkshire Council").get("decisions"));
        assertEquals("3", byCurrent.get("North Yorkshire Council").get("decisions"));
        assertEquals("UNITARY", byCurrent.get("North Yorkshire Council").get("body_type"));
        assertEquals("E06000065", byCurrent.get("North Yorkshire Council").get("gss_code"));
        assertFalse(byCurrent.containsKey("Craven District Council"));
    }

    @Test
    void aCouncilSplitBetweenTwoKeepsItsOwnRowNamingBoth() {
        assertEquals("Cumberland Council; Westmorland and Furness Council",
                byCurrent.get("Cumbria County Council").get("successor"));
        assertEquals("1", byCurrent.get("Cumbria County Council").get("decisions"));
    }

    @Test
    void perHundredThousandFiguresAreFilledFromTheBundledPopulations() {
        CSVRecord lambeth = byCouncil.get("London Borough of Lambeth");
        assertEquals("315706", lambeth.get("population")); // ONS mid-2023
        assertEquals("0.9503", lambeth.get("decisions_per_100k")); // 3 x 100,000 / 315,706
        assertEquals("0.6335", lambeth.get("upheld_per_100k")); // 2 x 100,000 / 315,706
        assertEquals("", byCouncil.get("Craven District Council").get("population"), "abolished: no population");
    }

    @Test
    void aPageThatNamesNoBodyCountsNationallyButNeverFormsACouncilRow() {
        assertEquals("11", national.get("decisions"));
        assertTrue(byCouncil.keySet().stream().noneMatch(String::isEmpty));
        assertTrue(byCurrent.keySet().stream().noneMatch(String::isEmpty));
        assertEquals("1", row("decisions", "decisions_naming_no_body").get("count"));
    }

    @Test
    void aNameThatMatchesNoCouncilAndIsNoCareProviderIsReportedWithItsCount() {
        assertEquals("1", row("unknown_body", "Transport for London").get("count"));
        assertEquals("NOT_A_COUNCIL", byCouncil.get("Transport for London").get("peer_standing"));
        assertNull(quality.stream().filter(q -> q.get("kind").equals("unknown_body")
                && q.get("name").contains("Lambeth")).findFirst().orElse(null));
    }

    private static CSVRecord row(String kind, String name) {
        return quality.stream().filter(q -> q.get("kind").equals(kind) && q.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no quality row " + kind + " " + name));
    }

    private static Map<String, CSVRecord> byName(Path csv) throws IOException {
        return JobRuns.csv(csv).stream().collect(Collectors.toMap(r -> r.get("council"), Function.identity()));
    }

    private static void page(Path corpus, String body, String outcome, int year) throws IOException {
        ref++;
        Files.writeString(corpus.resolve(ref + ".txt"), body + " (" + String.format("%02d 100 %03d", year % 100, ref)
                + ")\n\nCategory : Housing > Allocations\n\nDecision : " + outcome + "\n\nDecision date : 10 Mar " + year
                + "\n\nThe Ombudsman's final decision:\n\nSummary: Mrs X complained about how the Council dealt with "
                + "her housing application.\n");
    }
}
