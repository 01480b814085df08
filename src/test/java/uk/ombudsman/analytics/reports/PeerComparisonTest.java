package uk.ombudsman.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;

/**
 * A corpus built so that four unitary councils stand differently against their peers' pooled uphold rate
 * (56 upheld of 123 investigated = 0.4553): one clearly above, one in line, one clearly below, one with too few
 * investigations to rank; and one council with a population, for the per-100,000 figures.
 */
class PeerComparisonTest {
    @TempDir
    static Path dir;
    static Map<String, CSVRecord> byCouncil;
    static Map<String, CSVRecord> byCategoryYear;
    private static int ref;

    @BeforeAll
    static void runOnABuiltCorpus() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        write(corpus, "Halton Borough Council", 28, 2, 2023);   // 0.933, interval about 0.79 to 0.98: above
        write(corpus, "Cornwall Council", 10, 20, 2022);        // 0.333, interval about 0.19 to 0.51: in line
        write(corpus, "Wiltshire Council", 3, 0, 2022);         // 1.0 but 3 investigations: too few
        write(corpus, "Bristol City Council", 15, 45, 2022);    // 0.25, interval about 0.16 to 0.37: below
        Path councils = dir.resolve("councils.csv");
        Files.writeString(councils, "name,aliases,body_type,region,ons_code,population,status\n"
                + "Halton Borough Council,Halton Council,UNITARY,North West,E06000006,128000,current\n");
        Path out = dir.resolve("out");
        new DecisionJob(SharedSpark.get(), new JobConfig(corpus.toString(), out.toString(), councils, null, false, 5),
                JobProgress.SILENT).run();
        byCouncil = JobRuns.csv(out.resolve("reports/by_council.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("council"), Function.identity()));
        byCategoryYear = JobRuns.csv(out.resolve("reports/by_category_year.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("decision_year"), Function.identity()));
    }

    private static void write(Path corpus, String council, int upheld, int notUpheld, int year) throws IOException {
        for (int i = 0; i < upheld + notUpheld; i++) {
            String case_ = String.format("%02d %03d %03d", year % 100, ref / 1000, ref % 1000);
            ref++;
            Files.writeString(corpus.resolve(ref + ".txt"), council + " (" + case_ + ")\n\n"
                    + "Category : Planning > Enforcement\n\n"
                    + "Decision : " + (i < upheld ? "Upheld" : "Not upheld") + "\n\n"
                    + "Decision date : 10 Mar " + year + "\n\n"
                    + "The Ombudsman's final decision:\n\n"
                    + "Summary: Mr X complained about how the Council dealt with a breach of planning control.\n");
        }
    }

    @Test
    void everyCouncilCarriesItsPeersRateAndTheDifference() {
        for (CSVRecord r : byCouncil.values()) {
            assertEquals("0.4553", r.get("peer_uphold_rate"), r.get("council"));
        }
        assertEquals("0.478", byCouncil.get("Halton Borough Council").get("uphold_rate_vs_peers"));
        assertEquals("-0.2053", byCouncil.get("Bristol City Council").get("uphold_rate_vs_peers"));
        assertEquals("30", byCouncil.get("Halton Borough Council").get("investigations"));
    }

    @Test
    void aCouncilWhoseWholeIntervalLiesAboveItsPeersIsMarkedAbove() {
        assertEquals("ABOVE_PEERS", byCouncil.get("Halton Borough Council").get("peer_standing"));
    }

    @Test
    void aCouncilWhoseIntervalIncludesThePeerRateIsInLine() {
        assertEquals("IN_LINE_WITH_PEERS", byCouncil.get("Cornwall Council").get("peer_standing"));
    }

    @Test
    void aCouncilWhoseWholeIntervalLiesBelowIsMarkedBelow() {
        assertEquals("BELOW_PEERS", byCouncil.get("Bristol City Council").get("peer_standing"));
    }

    @Test
    void aCouncilWithFewerInvestigationsThanTheMinimumIsTooFewToRankWhateverItsRate() {
        CSVRecord wiltshire = byCouncil.get("Wiltshire Council");
        assertEquals("1.0", wiltshire.get("uphold_rate"));
        assertEquals("TOO_FEW_TO_RANK", wiltshire.get("peer_standing"));
    }

    @Test
    void perResidentFiguresAppearOnlyWhereThePopulationIsKnown() {
        assertEquals("128000", byCouncil.get("Halton Borough Council").get("population"));
        assertEquals("21.875", byCouncil.get("Halton Borough Council").get("upheld_per_100k"));
        assertEquals("", byCouncil.get("Cornwall Council").get("population"));
        assertEquals("", byCouncil.get("Cornwall Council").get("upheld_per_100k"));
    }

    @Test
    void eachCategoryYearShowsItsChangeOnThePreviousYear() {
        CSVRecord y2022 = byCategoryYear.get("2022");
        CSVRecord y2023 = byCategoryYear.get("2023");
        assertEquals("93", y2022.get("decisions"));
        assertEquals("", y2022.get("decisions_change_on_previous_year"), "no 2021 to compare with");
        assertEquals("-63", y2023.get("decisions_change_on_previous_year"));
        assertEquals("0.3011", y2022.get("uphold_rate"));
        assertEquals("0.6322", y2023.get("uphold_rate_change_on_previous_year"));
    }

    @Test
    void theStandingRulesAtTheirEdges() {
        assertEquals(PeerStanding.TOO_FEW_TO_RANK, PeerComparison.standing(4, 5, 0.5, 0.9, 1.0));
        assertEquals(PeerStanding.ABOVE_PEERS, PeerComparison.standing(5, 5, 0.5, 0.51, 0.9));
        assertEquals(PeerStanding.IN_LINE_WITH_PEERS, PeerComparison.standing(5, 5, 0.5, 0.5, 0.9));
        assertEquals(PeerStanding.BELOW_PEERS, PeerComparison.standing(50, 5, 0.5, 0.1, 0.49));
        assertEquals(PeerStanding.TOO_FEW_TO_RANK, PeerComparison.standing(50, 5, null, 0.1, 0.49));
    }
}
