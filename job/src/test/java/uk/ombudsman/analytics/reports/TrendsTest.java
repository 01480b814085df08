package uk.ombudsman.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** by_category_year's change on the year before, on a table held in memory. */
class TrendsTest {
    private static final StructType SCHEMA = new StructType()
            .add(Columns.CATEGORY, DataTypes.StringType).add(Columns.DECISION_YEAR, DataTypes.IntegerType)
            .add(Columns.DECISIONS, DataTypes.LongType).add(Columns.UPHOLD_RATE, DataTypes.DoubleType);

    @Test
    void eachCategoryYearShowsItsChangeOnThePreviousYearOfTheSameCategory() {
        ReportBuilder.Table t = Trends.addTo(new ReportBuilder.Table(SCHEMA, List.of(
                row("Planning", 2022, 93, 0.3011), row("Planning", 2023, 30, 0.9333),
                row("Housing", 2023, 10, null), row("Housing", 2025, 4, 0.5))), YearBasis.CALENDAR);
        int decisions = t.schema().fieldIndex(Columns.DECISIONS_CHANGE);
        int rate = t.schema().fieldIndex(Columns.UPHOLD_RATE_CHANGE);
        assertNull(t.rows().get(0).get(decisions), "no 2021 to compare with");
        assertEquals(-63L, t.rows().get(1).get(decisions));
        assertEquals(0.6322, t.rows().get(1).get(rate));
        assertNull(t.rows().get(3).get(decisions), "2024 has no decisions: no change to show");
    }

    @Test
    void aFinancialYearIsComparedWithTheFinancialYearBefore() {
        StructType schema = new StructType().add(Columns.CATEGORY, DataTypes.StringType)
                .add(Columns.FINANCIAL_YEAR, DataTypes.StringType).add(Columns.DECISIONS, DataTypes.LongType)
                .add(Columns.UPHOLD_RATE, DataTypes.DoubleType);
        ReportBuilder.Table t = Trends.addTo(new ReportBuilder.Table(schema, List.of(
                new GenericRowWithSchema(new Object[] {"Planning", "2023-24", 10L, 0.5}, schema),
                new GenericRowWithSchema(new Object[] {"Planning", "2024-25", 14L, 0.75}, schema),
                new GenericRowWithSchema(new Object[] {"Planning", "2026-27", 1L, 1.0}, schema))),
                YearBasis.FINANCIAL);
        int decisions = t.schema().fieldIndex(Columns.DECISIONS_CHANGE);
        assertNull(t.rows().get(0).get(decisions));
        assertEquals(4L, t.rows().get(1).get(decisions));
        assertEquals(0.25, t.rows().get(1).get(t.schema().fieldIndex(Columns.UPHOLD_RATE_CHANGE)));
        assertNull(t.rows().get(2).get(decisions), "2025-26 has no decisions");
    }

    private static Row row(String category, int year, long decisions, Double rate) {
        return new GenericRowWithSchema(new Object[] {category, year, decisions, rate}, SCHEMA);
    }
}
