package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.QualityReport;

/** The variant corpus through the whole job: one record per case, categories from the mirror layout, quality. */
class VariantCorpusJobTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void run() {
        out = dir.resolve("out");
        JobRuns.run(Path.of("job/src/test/resources/variants/corpus"), out);
    }

    @Test
    void theSameCaseInSeveralFilesGivesOneRecordAndTheMergeIsCounted() throws IOException {
        List<CSVRecord> decisions = JobRuns.csv(out.resolve("decisions.csv"));
        assertEquals(1, decisions.stream().filter(r -> r.get(Columns.CASE_REF).equals("20 001 737")).count());
        assertEquals(19, decisions.size(), "20 files, two copies of one case");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) JobRuns.manifest(out).get("counts");
        assertEquals(20, counts.get("files_read"));
        assertEquals(1, counts.get("duplicates_merged"));
        assertEquals(19, counts.get("decisions"));
    }

    @Test
    void pagesWithoutHeadersTakeTheirCategoryFromTheMirrorLayout() throws IOException {
        Map<String, CSVRecord> byRef = JobRuns.csv(out.resolve("decisions.csv")).stream()
                .collect(Collectors.toMap(r -> r.get(Columns.CASE_REF), r -> r));
        CSVRecord kent = byRef.get("23 001 234");
        assertEquals("Education", kent.get(Columns.CATEGORY));
        assertEquals("Special educational needs", kent.get(Columns.SUBCATEGORY));
        assertEquals("UPHELD", kent.get(Columns.OUTCOME));
        assertEquals("", kent.get(Columns.DECISION_DATE));
        assertTrue(kent.get(Columns.PARSE_WARNINGS).contains("OUTCOME_INFERRED"));
        List<CSVRecord> byYear = JobRuns.csv(out.resolve("reports/by_year.csv"));
        long dated = byYear.stream().mapToLong(r -> Long.parseLong(r.get(Columns.DECISIONS))).sum();
        assertEquals(16, dated, "the three undated decisions count everywhere but by_year");
        CSVRecord national = JobRuns.csv(out.resolve("reports/national.csv")).get(0);
        assertEquals("19", national.get(Columns.DECISIONS));
    }

    @Test
    void serviceAreasLineUpWithTheAnnualReview() throws IOException {
        Map<String, String> byArea = JobRuns.csv(out.resolve("reports/by_service_area.csv")).stream()
                .collect(Collectors.toMap(r -> r.get(Columns.SERVICE_AREA), r -> r.get(Columns.DECISIONS)));
        assertEquals(Map.of("Education and children's services", "13", "Planning and development", "2",
                "Housing", "1", "Benefits and tax", "1", "Adult care services", "1",
                "Environmental services, public protection and regulation", "1"),
                byArea.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void theQualityReportGivesFoundSharesAndWarningCounts() throws IOException {
        Map<String, CSVRecord> rows = JobRuns.csv(out.resolve("reports/quality.csv")).stream()
                .collect(Collectors.toMap(r -> r.get(QualityReport.KIND) + ":" + r.get(QualityReport.NAME), r -> r));
        assertEquals("19", rows.get("field:case_ref").get(QualityReport.COUNT));
        assertEquals("1.0", rows.get("field:case_ref").get(QualityReport.SHARE));
        assertEquals("16", rows.get("field:decision_date").get(QualityReport.COUNT));
        assertEquals("0.8421", rows.get("field:decision_date").get(QualityReport.SHARE));
        assertEquals("3", rows.get("warning:OUTCOME_INFERRED").get(QualityReport.COUNT));
        assertEquals("1", rows.get("warning:UNKNOWN_OUTCOME").get(QualityReport.COUNT));
        Map<?, ?> quality = (Map<?, ?>) JobRuns.manifest(out).get("quality");
        assertEquals(0.8421, ((Map<?, ?>) quality.get("field_found_share")).get("decision_date"));
        // How often each field is read right on unseen real pages travels with every run's figures.
        Map<?, ?> accuracy = (Map<?, ?>) ((Map<?, ?>) JobRuns.manifest(out).get("field_accuracy")).get("fields");
        assertEquals(java.util.Set.of("precision", "recall"), ((Map<?, ?>) accuracy.get("delay_fault")).keySet());
        // The Ombudsman's measures too: a satisfactory-remedy count is only as good as remedied_before's reading.
        assertEquals(java.util.Set.of("precision", "recall"), ((Map<?, ?>) accuracy.get("remedied_before")).keySet());
    }
}
