package uk.ombudsman.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * council_performance on a table worked out by hand: three county councils and a unitary council alone of its type in
 * one financial year, and a care provider. Populations are the bundled ONS mid-2023 estimates.
 */
class CouncilPerformanceTest {
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

    private static Map<String, Row> performance() {
        List<Row> rows = new ArrayList<>(List.of(
                // council, type, year, decisions, upheld, not upheld, satisfactory, improvements, reports
                row("Norfolk County Council", "COUNTY", "2024-25", 6, 4, 1, 1, 2, 0),
                row("Suffolk County Council", "COUNTY", "2024-25", 3, 1, 1, 1, 0, 1),
                row("Kent County Council", "COUNTY", "2024-25", 2, 0, 2, 0, 0, 0),
                row("Kent County Council", "COUNTY", "2023-24", 1, 1, 0, 0, 0, 0),
                row("Halton Borough Council", "UNITARY", "2024-25", 2, 2, 0, 0, 1, 0),
                row("Sunrise Care Home Ltd", "CARE_PROVIDER", "2024-25", 1, 1, 0, 1, 0, 0)));
        ReportBuilder.Table t = CouncilPerformance.addTo(new ReportBuilder.Table(GROUPED, rows),
                CouncilDirectory.bundled(), YearBasis.FINANCIAL);
        return t.rows().stream().collect(Collectors.toMap(r -> r.getString(0) + " " + r.getString(4),
                Function.identity()));
    }

    @Test
    void similarAuthoritiesAreTheOtherCouncilsOfTheTypeThatYearEachCountedOnce() {
        Row norfolk = performance().get("Norfolk County Council 2024-25");
        assertEquals(5L, get(norfolk, Columns.INVESTIGATED));
        assertEquals(2L, get(norfolk, Columns.SIMILAR_AUTHORITIES), "Suffolk and Kent, not Norfolk, not Kent 2023-24");
        // Suffolk 1 of 2 = 0.5 and Kent 0 of 2 = 0.0: their mean, not the pooled 1 of 4 (which happens to agree).
        assertEquals(0.25, get(norfolk, Columns.SIMILAR_UPHOLD_RATE));
        // Satisfactory remedies as a share of upheld: Norfolk 1 of 4; Suffolk 1 of 1; Kent upheld none (no share).
        assertEquals(0.25, get(norfolk, Columns.SATISFACTORY_REMEDY_SHARE));
        assertEquals(1.0, get(norfolk, Columns.SIMILAR_SATISFACTORY_REMEDY_SHARE));
        Row suffolk = performance().get("Suffolk County Council 2024-25");
        // Norfolk 0.8 and Kent 0.0.
        assertEquals(0.4, get(suffolk, Columns.SIMILAR_UPHOLD_RATE));
        assertEquals(1L, get(suffolk, Columns.PUBLIC_INTEREST_REPORTS));
    }

    @Test
    void upheldPerHundredThousandResidentsUsesTheCouncilsPopulation() {
        Row norfolk = performance().get("Norfolk County Council 2024-25");
        assertEquals(931943L, get(norfolk, Columns.POPULATION)); // ONS mid-2023
        assertEquals(0.4292, get(norfolk, Columns.UPHELD_PER_100K)); // 4 x 100,000 / 931,943
    }

    @Test
    void aCouncilAloneOfItsTypeHasNoAverageToCompareWith() {
        Row halton = performance().get("Halton Borough Council 2024-25");
        assertEquals(0L, get(halton, Columns.SIMILAR_AUTHORITIES));
        assertNull(get(halton, Columns.SIMILAR_UPHOLD_RATE));
        assertNull(get(halton, Columns.SIMILAR_SATISFACTORY_REMEDY_SHARE));
    }

    @Test
    void aCareProviderHasItsOwnRowAndIsInNoCouncilsAverage() {
        Map<String, Row> p = performance();
        Row home = p.get("Sunrise Care Home Ltd 2024-25");
        assertEquals(1L, get(home, Columns.SATISFACTORY_REMEDIES));
        assertNull(get(home, Columns.SIMILAR_AUTHORITIES));
        assertNull(get(home, Columns.SIMILAR_UPHOLD_RATE));
        assertEquals(0L, get(p.get("Halton Borough Council 2024-25"), Columns.SIMILAR_AUTHORITIES));
    }

    @Test
    void theFinancialYearOfADecisionTurnsOnThe1stOfApril() {
        StructType schema = new StructType().add(Columns.DECISION_DATE, DataTypes.DateType);
        Dataset<Row> dates = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create(java.sql.Date.valueOf(LocalDate.of(2024, 3, 31))),
                RowFactory.create(java.sql.Date.valueOf(LocalDate.of(2024, 4, 1))),
                RowFactory.create((Object) null)), schema);
        List<Row> years = dates.select(YearBasis.financialYear(dates.col(Columns.DECISION_DATE))).collectAsList();
        assertEquals("2023-24", years.get(0).getString(0));
        assertEquals("2024-25", years.get(1).getString(0));
        assertNull(years.get(2).get(0), "an undated decision has no year");
    }

    private static Object get(Row r, String column) {
        return r.get(r.fieldIndex(column));
    }

    private static Row row(String council, String type, String year, long decisions, long upheld, long notUpheld,
            long satisfactory, long improvements, long reports) {
        Double rate = upheld + notUpheld == 0 ? null : upheld / (double) (upheld + notUpheld);
        return new GenericRowWithSchema(new Object[] {council, type, null, null, year, decisions, upheld, notUpheld,
            rate, null, null, satisfactory, improvements, improvements > 0 ? 1L : 0L, reports}, GROUPED);
    }
}
