package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.ombudsman.analytics.reports.Columns;

/**
 * evidence.csv: one row per extracted value with the sentence it was read from, so that anyone can check any
 * figure in a spreadsheet. Payments come from the payments themselves (field PAYMENT, value "amount PURPOSE");
 * outcome, delay fault, deadline and complaint date from the record's evidence.
 */
final class EvidenceTable {
    static final String PAYMENT = "PAYMENT";
    static final String[] SORT = {Columns.CASE_REF, Columns.FIELD, Columns.VALUE, Columns.SENTENCE};
    /** Four fields and the payments: a decision seldom has more than a handful of rows. */
    static final long ROWS_PER_DECISION_AT_MOST = 10;

    /** The value's amount where the decision prints none ("? DISTRESS"), as the labels write it. */
    static final String AMOUNT_NOT_STATED = "?";

    private EvidenceTable() {
    }

    static Dataset<Row> of(Dataset<Row> decisions) {
        Dataset<Row> fields = decisions.select(col(Columns.CASE_REF), explode(col(Columns.EVIDENCE)).as("e"))
                .select(col(Columns.CASE_REF), col("e." + Columns.FIELD).as(Columns.FIELD),
                        col("e." + Columns.VALUE).as(Columns.VALUE), col("e." + Columns.SENTENCE).as(Columns.SENTENCE));
        Dataset<Row> payments = decisions.select(col(Columns.CASE_REF), explode(col(Columns.PAYMENTS)).as("p"))
                .select(col(Columns.CASE_REF), lit(PAYMENT).as(Columns.FIELD),
                        concat_ws(" ", coalesce(col("p." + Columns.AMOUNT_GBP).cast(DataTypes.StringType),
                                lit(AMOUNT_NOT_STATED)), col("p." + Columns.PURPOSE)).as(Columns.VALUE),
                        col("p." + Columns.EVIDENCE).as(Columns.SENTENCE));
        return fields.unionByName(payments);
    }
}
