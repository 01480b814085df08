package uk.ombudsman.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/** The reconciliation on an invented fixture whose differences from ours are known. */
class ReconciliationTest {
    private static final StructType GROUPED = new StructType()
            .add(Columns.COUNCIL, DataTypes.StringType).add(Columns.BODY_TYPE, DataTypes.StringType)
            .add(Columns.REGION, DataTypes.StringType).add(Columns.GSS_CODE, DataTypes.StringType)
            .add(Columns.FINANCIAL_YEAR, DataTypes.StringType)
            .add(Columns.DECISIONS, DataTypes.LongType).add(Columns.UPHELD, DataTypes.LongType)
            .add(Columns.NOT_UPHELD, DataTypes.LongType).add(Columns.UPHOLD_RATE, DataTypes.DoubleType)
            .add(Columns.UPHOLD_RATE_CI_LOW, DataTypes.DoubleType).add(Columns.UPHOLD_RATE_CI_HIGH, DataTypes.DoubleType)
            .add(Columns.SATISFACTORY_REMEDIES, DataTypes.LongType)
            .add(Columns.SERVICE_IMPROVEMENTS_COUNT, DataTypes.LongType)
            .add(Columns.DECISIONS_WITH_SERVICE_IMPROVEMENT, DataTypes.LongType)
            .add(Columns.PUBLIC_INTEREST_REPORTS, DataTypes.LongType);

    private static ReportBuilder.Table performance() {
        return CouncilPerformance.addTo(new ReportBuilder.Table(GROUPED, List.of(
                row("Norfolk County Council", "COUNTY", 6, 4, 1, 1, 2),
                row("Suffolk County Council", "COUNTY", 3, 1, 1, 1, 0),
                row("Sunrise Care Home Ltd", "CARE_PROVIDER", 4, 4, 0, 0, 0))),
                CouncilDirectory.bundled(), YearBasis.FINANCIAL);
    }

    private static Map<String, Row> reconcile(PublishedFigures published) {
        ReportBuilder.Table t = Reconciliation.build(performance(), YearBasis.FINANCIAL, published,
                CouncilDirectory.bundled());
        return t.rows().stream().collect(Collectors.toMap(r -> r.getString(0) + " " + r.getString(1) + " "
                + r.getString(2), Function.identity()));
    }

    @Test
    void englandsCouncilsAreSetBesideThePublishedFigureWithTheDifference() {
        Map<String, Row> r = reconcile(PublishedFigures.of(List.of(new PublishedFigures.Figure("2024-25", null,
                NationalMeasure.UPHOLD_RATE, 0.83, "https://example.org/review", "invented"))));
        Row rate = r.get("2024-25 England: councils uphold_rate");
        // Councils only: Norfolk 4 + Suffolk 1 upheld of 5 + 2 investigated; the care provider is left out.
        assertEquals(0.7143, rate.get(3));
        assertEquals(0.83, rate.get(4));
        assertEquals(-0.1157, rate.get(5));
        assertEquals("https://example.org/review", rate.get(6));
        assertTrue(rate.getString(8).contains("five years"), rate.getString(8));
        assertEquals(5.0, r.get("2024-25 England: councils upheld").get(3));
        assertNull(r.get("2024-25 England: councils upheld").get(4), "no published figure: none is made up");
    }

    @Test
    void aPublishedYearTheRunHasNoDecisionsForIsShownWithOursEmpty() {
        Map<String, Row> r = reconcile(PublishedFigures.of(List.of(new PublishedFigures.Figure("2019-20", null,
                NationalMeasure.PUBLIC_INTEREST_REPORTS, 63, "https://example.org/2019", "invented"))));
        Row reports = r.get("2019-20 England: councils public_interest_reports");
        assertNull(reports.get(3));
        assertEquals(63.0, reports.get(4));
        assertNull(reports.get(5));
    }

    @Test
    void eachCouncilOfTheOmbudsmansTableIsReconciledUnderItsListName() {
        Map<String, Row> r = reconcile(PublishedFigures.of(List.of())
                .withCouncilData(Path.of("job/src/test/resources/reconciliation/lgsco-council-data.csv")));
        Row norfolkRate = r.get("2024-25 Norfolk County Council uphold_rate");
        assertEquals(0.8, norfolkRate.get(3));
        assertEquals(0.83, norfolkRate.get(4));
        assertEquals(-0.03, norfolkRate.get(5));
        assertEquals(-1.0, r.get("2024-25 Norfolk County Council upheld").get(5)); // 4 against 5
        assertEquals(0.05, r.get("2024-25 Norfolk County Council satisfactory_remedy_share").get(5)); // 1/4 - 0.2
        assertEquals(0.0, r.get("2024-25 Suffolk County Council satisfactory_remedy_share").get(5));
    }

    @Test
    void aCouncilFileWithoutACouncilColumnIsRefusedWithItsColumnsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishedFigures.of(List.of())
                .withCouncilData(Path.of("job/src/test/resources/reconciliation/README.md")));
        assertTrue(e.getMessage().contains("no column named any of"), e.getMessage());
    }

    private static Row row(String council, String type, long decisions, long upheld, long notUpheld,
            long satisfactory, long improvements) {
        return new GenericRowWithSchema(new Object[] {council, type, null, null, "2024-25", decisions, upheld,
            notUpheld, upheld / (double) (upheld + notUpheld), null, null, satisfactory, improvements,
            improvements > 0 ? 1L : 0L, 0L}, GROUPED);
    }
}
