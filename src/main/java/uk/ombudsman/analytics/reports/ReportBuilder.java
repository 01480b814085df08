package uk.ombudsman.analytics.reports;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.ombudsman.analytics.record.Outcome;

/**
 * The aggregations of reports.md over the decisions table. Rates are rounded to 4 places and money to 2 here,
 * once, so the Parquet and the CSV hold the same figures.
 */
public final class ReportBuilder {
    /** z for a 95% interval. */
    static final double Z = 1.959963984540054;
    private static final String HELPER_DELAY_UPHELD = "_delay_fault_upheld";
    private static final String HELPER_PAID = "_paid";

    private ReportBuilder() {
    }

    public static Dataset<Row> build(Report report, Dataset<Row> decisions) {
        if (report == Report.REMEDIES) {
            return decisions
                    .select(col(Columns.CATEGORY), explode(col(Columns.REMEDIES)).as(Columns.REMEDY))
                    .groupBy(keyColumns(report))
                    .agg(count(lit(1)).as(Columns.DECISIONS));
        }
        Dataset<Row> input = decisions.withColumn(HELPER_PAID,
                when(col(Columns.PAYMENT_TOTAL_GBP).gt(0), col(Columns.PAYMENT_TOTAL_GBP)));
        if (report == Report.BY_YEAR) {
            input = input.filter(col(Columns.DECISION_YEAR).isNotNull());
        }
        List<Column> aggregates = aggregates();
        Column first = aggregates.get(0);
        Column[] rest = aggregates.subList(1, aggregates.size()).toArray(Column[]::new);
        Dataset<Row> grouped = report.keys().isEmpty() ? input.agg(first, rest)
                : input.groupBy(keyColumns(report)).agg(first, rest);
        return withRates(grouped).select(outputColumns(report));
    }

    private static Column[] keyColumns(Report report) {
        return report.keys().stream().map(k -> col(k)).toArray(Column[]::new);
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

    private static Column[] outputColumns(Report report) {
        List<Column> out = new ArrayList<>();
        report.keys().forEach(k -> out.add(col(k)));
        Columns.METRICS.forEach(m -> out.add(col(m)));
        return out.toArray(Column[]::new);
    }
}
