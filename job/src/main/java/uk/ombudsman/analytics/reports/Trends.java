package uk.ombudsman.analytics.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Year-on-year change within each category of {@code by_category_year}: decisions and uphold rate against the
 * category's previous calendar year (empty when that year has no decisions, or no investigations).
 */
final class Trends {
    private Trends() {
    }

    static ReportBuilder.Table addTo(ReportBuilder.Table byCategoryYear, YearBasis basis) {
        StructType in = byCategoryYear.schema();
        int category = in.fieldIndex(Columns.CATEGORY);
        int year = in.fieldIndex(basis.column());
        int decisions = in.fieldIndex(Columns.DECISIONS);
        int rate = in.fieldIndex(Columns.UPHOLD_RATE);
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : byCategoryYear.rows()) {
            byKey.put(r.get(category) + "|" + r.get(year), r);
        }
        StructType schema = in.add(Columns.DECISIONS_CHANGE, DataTypes.LongType, true)
                .add(Columns.UPHOLD_RATE_CHANGE, DataTypes.DoubleType, true);
        List<Row> out = new ArrayList<>();
        for (Row r : byCategoryYear.rows()) {
            Object previous = basis == YearBasis.CALENDAR ? (Object) (r.getInt(year) - 1)
                    : YearBasis.previousFinancialYear(r.getString(year));
            Row before = byKey.get(r.get(category) + "|" + previous);
            Object[] values = new Object[schema.size()];
            for (int i = 0; i < in.size(); i++) {
                values[i] = r.get(i);
            }
            values[in.size()] = before == null ? null : r.getLong(decisions) - before.getLong(decisions);
            values[in.size() + 1] = before == null || r.isNullAt(rate) || before.isNullAt(rate) ? null
                    : Math.round((r.getDouble(rate) - before.getDouble(rate)) * 10_000) / 10_000.0;
            out.add(new GenericRowWithSchema(values, schema));
        }
        return new ReportBuilder.Table(schema, out);
    }
}
