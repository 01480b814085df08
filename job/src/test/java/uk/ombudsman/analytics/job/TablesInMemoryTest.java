package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.parsing.ParseResult;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.PublishedFigures;
import uk.ombudsman.analytics.reports.QualityReport;
import uk.ombudsman.analytics.reports.Report;
import uk.ombudsman.analytics.reports.ReportBuilder;
import uk.ombudsman.analytics.reports.YearBasis;

/**
 * The job's table transforms on records built here in memory (invented, not from real decisions), each with the
 * rows it must give: merging copies of a case, what changed since a previous run, the reports and the quality table.
 */
class TablesInMemoryTest {
    /** One invented decision, as the parser would give it. */
    private static ParsedFile file(String caseRef, String council, String category, Outcome outcome, String date,
            String source, String sha256, int textChars, String... warnings) {
        DecisionRecord d = new DecisionRecord();
        d.setCaseRef(caseRef);
        d.setCouncil(council);
        d.setCategory(category);
        d.setOutcome(outcome);
        d.setOutcomeRaw(outcome == null ? null : outcome.name());
        d.setDecisionDate(date == null ? null : LocalDate.parse(date));
        d.setSource(source);
        d.setSourceSha256(sha256);
        d.setTextChars(textChars);
        d.setParseWarnings(new ArrayList<>(List.of(warnings)));
        d.setPaymentTotalGbp(java.math.BigDecimal.ZERO.setScale(2));
        return ParsedFile.of(source, sha256, new ParseResult(d, null, null, null));
    }

    private static Dataset<Row> table(ParsedFile... files) {
        return DecisionTable.decisions(SharedSpark.get().createDataset(Arrays.asList(files),
                Encoders.bean(ParsedFile.class)));
    }

    /** The named columns of each row, joined by "|", sorted: rows as a reader states them. */
    private static List<String> rows(Dataset<Row> rows, String... columns) {
        return rows(rows.collectAsList(), columns);
    }

    private static List<String> rows(ReportBuilder.Table table, String... columns) {
        return rows(table.rows(), columns);
    }

    private static List<String> rows(List<Row> rows, String... columns) {
        return rows.stream().map(r -> Stream.of(columns).map(c -> String.valueOf((Object) r.getAs(c)))
                .collect(Collectors.joining("|"))).sorted().toList();
    }

    @Test
    void oneRecordPerCaseKeepsTheCopyWithFewestWarningsThenMostTextAndSetsTheOthersAside() {
        Dataset<Row> decisions = table(
                file("23 017 218", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "a.html", "1",
                        900, "NO_DECISION_DATE", "OUTCOME_INFERRED"),
                file("23 017 218", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "b.txt", "2",
                        100),
                file("23 017 218", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "c.html", "3",
                        200),
                file(null, "Halton Borough Council", "Education", Outcome.NOT_UPHELD, "2024-06-01", "d.txt", "4", 50),
                file(null, "Halton Borough Council", "Education", Outcome.NOT_UPHELD, "2024-06-01", "e.txt", "5", 60));

        DecisionTable.Deduped d = DecisionTable.oneRecordPerCase(decisions);

        assertEquals(List.of("23 017 218|c.html", "null|d.txt", "null|e.txt"),
                rows(d.kept(), Columns.CASE_REF, Columns.SOURCE));
        assertEquals(List.of("23 017 218|a.html", "23 017 218|b.txt"),
                rows(d.superseded(), Columns.CASE_REF, Columns.SOURCE));
        assertEquals(2, d.merged());
    }

    @Test
    void changesAreEachDecisionAddedChangedOrRemovedAndAMovedFileIsNoChange() {
        Dataset<Row> before = table(
                file("1", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "old/a.txt", "A", 10),
                file("2", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "b.txt", "B", 10),
                file("4", "Halton Borough Council", "Education", Outcome.UPHELD, "2024-05-01", "d.txt", "D", 10));
        Dataset<Row> now = table(
                file("1", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "new/a.txt", "A", 10),
                file("2", "Norfolk County Council", "Planning", Outcome.NOT_UPHELD, "2024-05-01", "b.txt", "B2", 10),
                file("3", "Halton Borough Council", "Education", Outcome.UPHELD, "2024-07-01", "c.txt", "C", 10));

        Dataset<Row> changes = Changes.perDecision(now, before);

        assertEquals(List.of("added|3|Halton Borough Council", "changed|2|Norfolk County Council",
                "removed|4|Halton Borough Council"), rows(changes, Columns.CHANGE, Columns.CASE_REF, Columns.COUNCIL));
        assertEquals(List.of("Halton Borough Council|Education|1|0|1", "Norfolk County Council|Planning|0|1|0"),
                rows(Changes.perCouncilAndCategory(changes), Columns.COUNCIL, Columns.CATEGORY, Columns.ADDED,
                        Columns.CHANGED, Columns.REMOVED));
        assertEquals(List.of("added|1", "added|2", "added|4"), rows(Changes.perDecision(before, null),
                Columns.CHANGE, Columns.CASE_REF));
    }

    @Test
    void theReportsCountEachDecisionOnceInEveryGroupItBelongsTo() {
        Dataset<Row> decisions = table(
                file("1", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "a.txt", "A", 10),
                file("2", "Norfolk County Council", "Education", Outcome.NOT_UPHELD, "2024-03-01", "b.txt", "B", 10),
                file("3", "Halton Borough Council", "Planning", Outcome.UPHELD, "2023-05-01", "c.txt", "C", 10));

        Map<Report, ReportBuilder.Table> reports = ReportBuilder.buildAll(decisions, CouncilDirectory.bundled(), 5,
                YearBasis.FINANCIAL, PublishedFigures.bundled());

        assertEquals(List.of("3|2|1"), rows(reports.get(Report.NATIONAL), Columns.DECISIONS, Columns.UPHELD,
                Columns.NOT_UPHELD));
        assertEquals(List.of("Education|1|0", "Planning|2|2"), rows(reports.get(Report.BY_CATEGORY),
                Columns.CATEGORY, Columns.DECISIONS, Columns.UPHELD));
        assertEquals(List.of("Halton Borough Council|1|1", "Norfolk County Council|2|1"),
                rows(reports.get(Report.BY_COUNCIL), Columns.COUNCIL, Columns.DECISIONS, Columns.UPHELD));
        // 1 March 2024 is in 2023-24, as is 1 May 2023; 1 May 2024 is in 2024-25.
        assertEquals(List.of("2023-24|2", "2024-25|1"), rows(reports.get(Report.BY_YEAR), Columns.FINANCIAL_YEAR,
                Columns.DECISIONS));
        assertEquals(Arrays.asList(Report.values()), new ArrayList<>(reports.keySet()));
    }

    @Test
    void anEmptyCorpusStillHasANationalRowOfZeros() {
        Map<Report, ReportBuilder.Table> reports = ReportBuilder.buildAll(table(), CouncilDirectory.bundled(), 5,
                YearBasis.FINANCIAL, PublishedFigures.bundled());
        assertEquals(List.of("0|0|0.00"), rows(reports.get(Report.NATIONAL), Columns.DECISIONS, Columns.UPHELD,
                Columns.PAYMENT_TOTAL_GBP));
        assertEquals(List.of(), reports.get(Report.BY_COUNCIL).rows());
    }

    @Test
    void theQualityTableCountsWarningsDecisionsWithoutABodyAndQuarantinedFiles() {
        Dataset<Row> decisions = table(
                file("1", "Norfolk County Council", "Planning", Outcome.UPHELD, "2024-05-01", "a.txt", "A", 10,
                        "OUTCOME_INFERRED"),
                file("2", null, "Planning", Outcome.UPHELD, null, "b.txt", "B", 10, "NO_DECISION_DATE",
                        "OUTCOME_INFERRED"),
                file("3", "Halton Borough Council", "Planning", Outcome.UPHELD, "2023-05-01", "c.txt", "C", 10));

        QualityReport.Result q = QualityReport.build(decisions, Map.of("EMPTY_FILE", 1L), 4);

        List<String> rows = q.rows().stream().filter(r -> !r.getString(0).equals("field"))
                .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2)).toList();
        assertEquals(List.of("warning|NO_DECISION_DATE|1", "warning|OUTCOME_INFERRED|2",
                "decisions|" + QualityReport.ANY_WARNING + "|2", "decisions|" + QualityReport.NO_BODY + "|1",
                "decisions|" + QualityReport.ANY_UNCERTAINTY + "|2", "quarantine|EMPTY_FILE|1"), rows);
        assertEquals(1L, q.noBody());
        assertEquals(2.0 / 3, q.uncertainShare(), 1e-4);
    }
}
