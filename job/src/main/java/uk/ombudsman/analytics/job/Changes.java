package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.ombudsman.analytics.reports.Columns;

/**
 * What is new since the previous run: each decision added, changed (its file's content differs) or removed, and
 * those counts per council and category, the "what is new this morning" view of a nightly run.
 */
final class Changes {
    private static final String KEY = "_key";
    private static final String PREV = "_prev_";

    private Changes() {
    }

    /**
     * One row per decision that differs between the two runs.
     *
     * @param previous the previous run's decisions, or null when there is none (then every decision is added)
     */
    static Dataset<Row> perDecision(Dataset<Row> current, Dataset<Row> previous) {
        Dataset<Row> cur = narrow(current, "");
        if (previous == null) {
            return cur.select(lit(Columns.ADDED).as(Columns.CHANGE), col(Columns.CASE_REF), col(Columns.COUNCIL),
                    col(Columns.CATEGORY), col(Columns.OUTCOME), col(Columns.DECISION_DATE), col(Columns.SOURCE));
        }
        Dataset<Row> prev = narrow(previous, PREV);
        // A file that moved but kept its content is the same decision, not a change.
        Column change = when(col(PREV + KEY).isNull(), lit(Columns.ADDED))
                .when(col(KEY).isNull(), lit(Columns.REMOVED))
                .when(not(col(Columns.SOURCE_SHA256).eqNullSafe(col(PREV + Columns.SOURCE_SHA256))),
                        lit(Columns.CHANGED));
        return cur.join(prev, cur.col(KEY).equalTo(prev.col(PREV + KEY)), "full_outer")
                .withColumn(Columns.CHANGE, change)
                .filter(col(Columns.CHANGE).isNotNull())
                .select(col(Columns.CHANGE),
                        either(Columns.CASE_REF), either(Columns.COUNCIL), either(Columns.CATEGORY),
                        either(Columns.OUTCOME), either(Columns.DECISION_DATE), either(Columns.SOURCE));
    }

    /** Added, changed and removed decisions per council and category. */
    static Dataset<Row> perCouncilAndCategory(Dataset<Row> perDecision) {
        return perDecision.groupBy(col(Columns.COUNCIL), col(Columns.CATEGORY))
                .agg(count(Columns.ADDED).as(Columns.ADDED), count(Columns.CHANGED).as(Columns.CHANGED),
                        count(Columns.REMOVED).as(Columns.REMOVED))
                .orderBy(col(Columns.COUNCIL).asc_nulls_first(), col(Columns.CATEGORY).asc_nulls_first());
    }

    private static Column count(String kind) {
        return sum(when(col(Columns.CHANGE).equalTo(kind), 1L).otherwise(0L));
    }

    /** The current value, or for a removed decision the previous one. */
    private static Column either(String column) {
        return coalesce(col(column), col(PREV + column)).as(column);
    }

    /** Decisions without a case reference are matched by their source file. */
    private static Dataset<Row> narrow(Dataset<Row> decisions, String prefix) {
        return decisions.select(
                coalesce(col(Columns.CASE_REF), col(Columns.SOURCE)).as(prefix + KEY),
                col(Columns.CASE_REF).as(prefix + Columns.CASE_REF),
                col(Columns.COUNCIL).as(prefix + Columns.COUNCIL),
                col(Columns.CATEGORY).as(prefix + Columns.CATEGORY),
                col(Columns.OUTCOME).as(prefix + Columns.OUTCOME),
                col(Columns.DECISION_DATE).as(prefix + Columns.DECISION_DATE),
                col(Columns.SOURCE).as(prefix + Columns.SOURCE),
                col(Columns.SOURCE_SHA256).as(prefix + Columns.SOURCE_SHA256));
    }
}
