package uk.ombudsman.analytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.record.BodyType;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * {@code reconciliation}: this project's figures for councils beside the ones the Ombudsman publishes, per year and
 * measure, with the difference and why the two may differ. England's councils taken together against the bundled
 * national figures; each council against the Ombudsman's per-council table where a user gives it. A published figure
 * for a year the run has no decisions for is still shown (ours empty), so a gap in the input is seen, not hidden.
 */
final class Reconciliation {
    static final String ENGLAND = "England: councils";

    private Reconciliation() {
    }

    static ReportBuilder.Table build(ReportBuilder.Table councilPerformance, YearBasis basis, PublishedFigures published,
            CouncilDirectory councils) {
        StructType in = councilPerformance.schema();
        int yearAt = in.fieldIndex(basis.column());
        int councilAt = in.fieldIndex(Columns.COUNCIL);
        int typeAt = in.fieldIndex(Columns.BODY_TYPE);
        // Per scope (England, or a council) and year: decisions, investigated, upheld, satisfactory, improvements,
        // reports.
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : councilPerformance.rows()) {
            String type = r.getString(typeAt);
            if (type == null || !PeerComparison.COUNCIL_TYPES.contains(BodyType.valueOf(type))) {
                continue; // the Ombudsman's council figures leave out care providers and other bodies
            }
            long[] row = {r.getLong(in.fieldIndex(Columns.DECISIONS)), r.getLong(in.fieldIndex(Columns.INVESTIGATED)),
                r.getLong(in.fieldIndex(Columns.UPHELD)), r.getLong(in.fieldIndex(Columns.SATISFACTORY_REMEDIES)),
                r.getLong(in.fieldIndex(Columns.SERVICE_IMPROVEMENTS_COUNT)),
                r.getLong(in.fieldIndex(Columns.PUBLIC_INTEREST_REPORTS))};
            String year = String.valueOf(r.get(yearAt));
            add(counts, ENGLAND + "|" + year, row);
            add(counts, r.getString(councilAt) + "|" + year, row);
        }

        StructType schema = new StructType()
                .add(basis.column(), DataTypes.StringType, false)
                .add(Columns.SCOPE, DataTypes.StringType, false)
                .add(Columns.MEASURE, DataTypes.StringType, false)
                .add(Columns.OURS, DataTypes.DoubleType, true)
                .add(Columns.LGSCO, DataTypes.DoubleType, true)
                .add(Columns.DIFFERENCE, DataTypes.DoubleType, true)
                .add(Columns.SOURCE_URL, DataTypes.StringType, true)
                .add(Columns.NOTE, DataTypes.StringType, true)
                .add(Columns.WHY_IT_MAY_DIFFER, DataTypes.StringType, false);
        // Keyed by year, scope and measure, so each published figure meets our own once.
        Map<List<String>, Object[]> rows = new TreeMap<>(Comparator.comparing(List::toString));
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            String[] scopeAndYear = e.getKey().split("\\|", 2);
            if (!scopeAndYear[0].equals(ENGLAND)) {
                continue; // a council's own figures are shown only beside the Ombudsman's for it
            }
            for (NationalMeasure m : NationalMeasure.values()) {
                long[] c = e.getValue();
                row(rows, scopeAndYear[1], ENGLAND, m)[3] = m.ours(c[0], c[1], c[2], c[3], c[4], c[5]);
            }
        }
        for (PublishedFigures.Figure f : published.figures()) {
            String scope = f.council() == null ? ENGLAND
                    : councils.find(f.council()).map(CouncilInfo::name).orElse(f.council());
            // The Ombudsman's years are financial; under the calendar basis they meet no year of ours.
            String year = basis == YearBasis.FINANCIAL ? f.financialYear() : "financial " + f.financialYear();
            Object[] v = row(rows, year, scope, f.measure());
            long[] c = counts.get(scope + "|" + year);
            if (c != null && v[3] == null) {
                v[3] = f.measure().ours(c[0], c[1], c[2], c[3], c[4], c[5]);
            }
            v[4] = f.value();
            v[6] = f.sourceUrl();
            v[7] = f.note();
        }
        List<Row> out = new ArrayList<>();
        for (Object[] v : rows.values()) {
            if (v[3] != null && v[4] != null) {
                v[5] = NationalMeasure.round4((Double) v[3] - (Double) v[4]);
            }
            out.add(new GenericRowWithSchema(v, schema));
        }
        return new ReportBuilder.Table(schema, out);
    }

    private static Object[] row(Map<List<String>, Object[]> rows, String year, String scope, NationalMeasure m) {
        return rows.computeIfAbsent(List.of(year, scope.equals(ENGLAND) ? "" : scope, String.valueOf(m.ordinal())),
                k -> new Object[] {year, scope, m.name().toLowerCase(java.util.Locale.ROOT), null, null, null, null,
                    null, m.howOursIsMade() + "; " + NationalMeasure.WHY_IT_MAY_DIFFER});
    }

    private static void add(Map<String, long[]> counts, String key, long[] row) {
        long[] sum = counts.computeIfAbsent(key, k -> new long[row.length]);
        for (int i = 0; i < row.length; i++) {
            sum[i] += row[i];
        }
    }
}
