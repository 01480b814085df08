package uk.ombudsman.analytics.reports;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.DataTypes;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * The aggregations of reports.md over the decisions table, with peer comparisons and year-on-year trends. Rates are rounded to 4 places and money to 2 here,
 * once, so the Parquet and the CSV hold the same figures.
 */
public final class ReportBuilder {
    /** z for a 95% interval. */
    static final double Z = 1.959963984540054;
    private static final String HELPER_DELAY_UPHELD = "_delay_fault_upheld";
    private static final String HELPER_PAID = "_paid";
    private static final String GROUPING_ID = "_grouping_id";
    /** by_current_council's keys before they take by_council's names: the current council's type, region, code. */
    static final String CURRENT_BODY_TYPE = "_current_body_type";
    static final String CURRENT_REGION = "_current_region";
    static final String CURRENT_GSS_CODE = "_current_gss_code";

    private ReportBuilder() {
    }

    /**
     * Every report, each as its rows sorted by its keys (nulls first). The grouped reports come from one
     * aggregation over GROUPING SETS, split by grouping_id on the driver: one pass over the decisions instead of
     * one per report. A report has a row per group, never per decision, so it is small enough to collect.
     */
    public static Map<Report, Table> buildAll(Dataset<Row> decisions, CouncilDirectory councils,
            int minInvestigations, YearBasis basis, PublishedFigures published) {
        List<Report> grouped = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Report r : Report.values()) {
            if (r.grouped()) {
                grouped.add(r);
                r.keys(basis).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            }
        }
        List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
        for (Report r : grouped) {
            sets.add(seq(r.keys(basis).stream().map(k -> col(k)).toList()));
        }
        Dataset<Row> input = withCurrentCouncil(decisions, councils).withColumn(HELPER_PAID,
                when(col(Columns.PAYMENT_TOTAL_GBP).gt(0), col(Columns.PAYMENT_TOTAL_GBP)));
        List<Column> aggregates = new ArrayList<>(aggregates());
        aggregates.add(grouping_id().as(GROUPING_ID));
        Dataset<Row> all = withRates(input.groupingSets(seq(sets), keys.stream().map(k -> col(k)).toArray(Column[]::new))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)));
        StructType schema = all.schema();
        List<Row> rows = all.collectAsList();

        Map<Report, Table> groups = new EnumMap<>(Report.class);
        for (Report r : grouped) {
            long gid = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (!r.keys(basis).contains(keys.get(i))) {
                    gid |= 1L << (keys.size() - 1 - i);
                }
            }
            List<String> columns = new ArrayList<>(r.keys(basis));
            columns.addAll(r.metrics());
            int[] index = columns.stream().mapToInt(schema::fieldIndex).toArray();
            StructType reportSchema = new StructType(Arrays.stream(index).mapToObj(i -> schema.fields()[i])
                    .toArray(StructField[]::new));
            int gidAt = schema.fieldIndex(GROUPING_ID);
            List<Row> reportRows = new ArrayList<>();
            for (Row row : rows) {
                if (row.getLong(gidAt) != gid) {
                    continue;
                }
                if (r.yearly() && row.isNullAt(schema.fieldIndex(basis.column()))) {
                    continue; // undated decisions count everywhere but in the yearly reports
                }
                if (r.perCouncil() && row.isNullAt(schema.fieldIndex(r.keys(basis).get(0)))) {
                    continue; // a decision that names no body counts nationally, never as a council
                }
                Object[] values = new Object[index.length];
                for (int i = 0; i < index.length; i++) {
                    values[i] = row.get(index[i]);
                }
                reportRows.add(new GenericRowWithSchema(values, reportSchema));
            }
            reportRows.sort(byFirstColumns(r.keys(basis).size()));
            groups.put(r, new Table(reportSchema, reportRows));
        }
        Map<Report, Table> out = new EnumMap<>(Report.class);
        Report.Finishing finishing = new Report.Finishing(decisions, councils, minInvestigations, basis, published,
                out);
        for (Report r : Report.values()) {
            out.put(r, r.finish(groups.get(r), finishing));
        }
        return out;
    }

    /** The remedies report: decisions per category and remedy, a decision counting once under each of its remedies. */
    static Table remedies(Dataset<Row> decisions, YearBasis basis) {
        Dataset<Row> remedies = decisions
                .select(col(Columns.CATEGORY), explode(col(Columns.REMEDIES)).as(Columns.REMEDY))
                .groupBy(keyColumns(Report.REMEDIES, basis))
                .agg(count(lit(1)).as(Columns.DECISIONS));
        List<Row> remedyRows = new ArrayList<>(remedies.collectAsList());
        remedyRows.sort(byFirstColumns(Report.REMEDIES.keys(basis).size()));
        return new Table(remedies.schema(), remedyRows);
    }

    /**
     * Adds where each decision counts in by_current_council: a council abolished into one successor counts as that
     * successor (with its type, region and code); every other body as itself.
     */
    private static Dataset<Row> withCurrentCouncil(Dataset<Row> decisions, CouncilDirectory councils) {
        List<Column> name = new ArrayList<>();
        List<Column> type = new ArrayList<>();
        List<Column> region = new ArrayList<>();
        List<Column> gss = new ArrayList<>();
        for (CouncilInfo c : councils.all()) {
            CouncilInfo now = councils.current(c);
            if (now != c) {
                name.addAll(List.of(lit(c.name()), lit(now.name())));
                type.addAll(List.of(lit(c.name()), lit(now.bodyType().name())));
                region.addAll(List.of(lit(c.name()), lit(now.region())));
                gss.addAll(List.of(lit(c.name()), lit(now.gssCode())));
            }
        }
        if (name.isEmpty()) {
            return decisions.withColumn(Columns.CURRENT_COUNCIL, col(Columns.COUNCIL))
                    .withColumn(CURRENT_BODY_TYPE, col(Columns.BODY_TYPE))
                    .withColumn(CURRENT_REGION, col(Columns.REGION))
                    .withColumn(CURRENT_GSS_CODE, col(Columns.GSS_CODE));
        }
        return decisions
                .withColumn(Columns.CURRENT_COUNCIL, current(name, Columns.COUNCIL))
                .withColumn(CURRENT_BODY_TYPE, current(type, Columns.BODY_TYPE))
                .withColumn(CURRENT_REGION, current(region, Columns.REGION))
                .withColumn(CURRENT_GSS_CODE, current(gss, Columns.GSS_CODE));
    }

    /** The value the mapping gives the decision's council, or the decision's own where it gives none. */
    private static Column current(List<Column> mapping, String column) {
        return coalesce(element_at(map(mapping.toArray(Column[]::new)), col(Columns.COUNCIL)), col(column));
    }

    /** by_current_council under by_council's key names, so the two reports have the same columns. */
    static Table asCouncils(Table t) {
        List<String> names = List.of(Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION, Columns.GSS_CODE);
        StructField[] fields = t.schema().fields().clone();
        for (int i = 0; i < names.size(); i++) {
            fields[i] = new StructField(names.get(i), fields[i].dataType(), fields[i].nullable(), fields[i].metadata());
        }
        StructType schema = new StructType(fields);
        List<Row> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            Object[] values = new Object[schema.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            rows.add(new GenericRowWithSchema(values, schema));
        }
        return new Table(schema, rows);
    }

    /** The table with one row of zeros (counts 0, total paid 0.00, rates and medians null): nothing counted. */
    static Table withZeroRow(Table t) {
        StructType schema = t.schema();
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            StructField f = schema.fields()[i];
            values[i] = f.name().equals(Columns.PAYMENT_TOTAL_GBP) ? java.math.BigDecimal.ZERO.setScale(2)
                    : f.dataType() == org.apache.spark.sql.types.DataTypes.LongType ? (Object) 0L : null;
        }
        return new Table(schema, List.of(new GenericRowWithSchema(values, schema)));
    }

    /** A small table held on the driver: its schema and its rows in output order. */
    public record Table(StructType schema, List<Row> rows) {
    }

    /** Orders rows by their first n values, nulls first, as the CSV spec's "sorted by the group keys". */
    private static Comparator<Row> byFirstColumns(int n) {
        return (a, b) -> {
            for (int i = 0; i < n; i++) {
                int c = compareValues(a.isNullAt(i) ? null : a.get(i), b.isNullAt(i) ? null : b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return ((Comparable) x).compareTo(y);
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }

    private static Column[] keyColumns(Report report, YearBasis basis) {
        return report.keys(basis).stream().map(k -> col(k)).toArray(Column[]::new);
    }

    private static Column outcomeCount(Outcome outcome, String as) {
        return sum(when(col(Columns.OUTCOME).equalTo(outcome.name()), 1).otherwise(0)).cast(DataTypes.LongType).as(as);
    }

    private static List<Column> aggregates() {
        Column paid = col(HELPER_PAID);
        Column days = col(Columns.COMPLAINT_TO_DECISION_DAYS);
        List<Column> a = new ArrayList<>();
        a.add(count(lit(1)).as(Columns.DECISIONS));
        a.add(outcomeCount(Outcome.UPHELD, Columns.UPHELD));
        a.add(outcomeCount(Outcome.NOT_UPHELD, Columns.NOT_UPHELD));
        a.add(outcomeCount(Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES, Columns.CLOSED_AFTER_INITIAL_ENQUIRIES));
        a.add(outcomeCount(Outcome.OTHER, Columns.OTHER_OUTCOME));
        a.add(count(paid).as(Columns.DECISIONS_WITH_PAYMENT));
        a.add(money(sum(paid)).as(Columns.PAYMENT_TOTAL_GBP));
        a.add(money(avg(paid)).as(Columns.PAYMENT_MEAN_GBP));
        a.add(money(percentile(paid, lit(0.5))).as(Columns.PAYMENT_MEDIAN_GBP));
        a.add(money(max(paid)).as(Columns.PAYMENT_MAX_GBP));
        a.add(round(avg(days), 1).as(Columns.DAYS_MEAN));
        a.add(round(percentile(days, lit(0.5)), 1).as(Columns.DAYS_MEDIAN));
        a.add(sum(when(col(Columns.OUTCOME).equalTo(Outcome.UPHELD.name()).and(col(Columns.DELAY_FAULT)), 1)
                .otherwise(0)).as(HELPER_DELAY_UPHELD));
        Column upheld = col(Columns.OUTCOME).equalTo(Outcome.UPHELD.name());
        a.add(sum(when(upheld.and(coalesce(col(Columns.REMEDIED_BEFORE), lit(false))), 1).otherwise(0))
                .cast(DataTypes.LongType).as(Columns.SATISFACTORY_REMEDIES));
        a.add(sum(size(col(Columns.SERVICE_IMPROVEMENTS))).cast(DataTypes.LongType)
                .as(Columns.SERVICE_IMPROVEMENTS_COUNT));
        a.add(sum(when(size(col(Columns.SERVICE_IMPROVEMENTS)).gt(0), 1).otherwise(0)).cast(DataTypes.LongType)
                .as(Columns.DECISIONS_WITH_SERVICE_IMPROVEMENT));
        a.add(sum(when(coalesce(col(Columns.PUBLIC_INTEREST_REPORT), lit(false)), 1).otherwise(0))
                .cast(DataTypes.LongType).as(Columns.PUBLIC_INTEREST_REPORTS));
        a.add(min(col(Columns.DECISION_DATE)).as(Columns.FIRST_DECISION_DATE));
        a.add(max(col(Columns.DECISION_DATE)).as(Columns.LAST_DECISION_DATE));
        return a;
    }

    private static Column money(Column c) {
        return round(c.cast(DataTypes.createDecimalType(20, 4)), 2).cast(DataTypes.createDecimalType(18, 2));
    }

    /** Uphold rate with its 95% Wilson score interval, and the delay-fault rate; empty where undefined. */
    private static Dataset<Row> withRates(Dataset<Row> g) {
        Column upheld = col(Columns.UPHELD).cast(DataTypes.DoubleType);
        Column n = col(Columns.UPHELD).plus(col(Columns.NOT_UPHELD)).cast(DataTypes.DoubleType);
        Column p = upheld.divide(n);
        double z2 = Z * Z;
        Column denominator = lit(1.0).plus(lit(z2).divide(n));
        Column centre = p.plus(lit(z2).divide(n.multiply(2)));
        Column margin = lit(Z).multiply(sqrt(p.multiply(lit(1.0).minus(p)).divide(n)
                .plus(lit(z2).divide(n.multiply(n).multiply(4)))));
        Column defined = n.gt(0);
        return g.withColumn(Columns.UPHOLD_RATE, when(defined, round(p, 4)))
                .withColumn(Columns.UPHOLD_RATE_CI_LOW,
                        when(defined, round(greatest(lit(0.0), centre.minus(margin).divide(denominator)), 4)))
                .withColumn(Columns.UPHOLD_RATE_CI_HIGH,
                        when(defined, round(least(lit(1.0), centre.plus(margin).divide(denominator)), 4)))
                .withColumn(Columns.DELAY_FAULT_RATE, when(col(Columns.UPHELD).gt(0),
                        round(col(HELPER_DELAY_UPHELD).cast(DataTypes.DoubleType).divide(upheld), 4)))
                .withColumn(Columns.PAYMENT_TOTAL_GBP, coalesce(col(Columns.PAYMENT_TOTAL_GBP),
                        lit(0).cast(DataTypes.createDecimalType(18, 2))));
    }
}
