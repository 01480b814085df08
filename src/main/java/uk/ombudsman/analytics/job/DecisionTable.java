package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.YearBasis;

/** The parsed beans as the output tables: snake_case columns in the spec's order. */
final class DecisionTable {
    private static final String D = "decision.";

    private DecisionTable() {
    }

    static Dataset<Row> decisions(Dataset<ParsedFile> parsed) {
        Column payments = transform(col(D + "payments"), p -> struct(
                p.getField("amountGbp").cast(DataTypes.createDecimalType(12, 2)).as(Columns.AMOUNT_GBP),
                p.getField("purpose").as(Columns.PURPOSE),
                p.getField("evidence").as(Columns.EVIDENCE)));
        return parsed.filter(col("decision").isNotNull()).select(
                col(D + "caseRef").as(Columns.CASE_REF),
                col(D + "council").as(Columns.COUNCIL),
                col(D + "councilAsPrinted").as(Columns.COUNCIL_AS_PRINTED),
                col(D + "gssCode").as(Columns.GSS_CODE),
                col(D + "bodyType").as(Columns.BODY_TYPE),
                col(D + "region").as(Columns.REGION),
                col(D + "category").as(Columns.CATEGORY),
                col(D + "subcategory").as(Columns.SUBCATEGORY),
                col(D + "serviceArea").as(Columns.SERVICE_AREA),
                col(D + "outcomeRaw").as(Columns.OUTCOME_RAW),
                col(D + "outcome").as(Columns.OUTCOME),
                col(D + "decisionDate").as(Columns.DECISION_DATE),
                year(col(D + "decisionDate")).as(Columns.DECISION_YEAR),
                YearBasis.financialYear(col(D + "decisionDate")).as(Columns.FINANCIAL_YEAR),
                col(D + "summary").as(Columns.SUMMARY),
                payments.as(Columns.PAYMENTS),
                col(D + "paymentTotalGbp").cast(DataTypes.createDecimalType(12, 2)).as(Columns.PAYMENT_TOTAL_GBP),
                col(D + "remedies").as(Columns.REMEDIES),
                col(D + "remedyDeadlineDays").as(Columns.REMEDY_DEADLINE_DAYS),
                col(D + "delayFault").as(Columns.DELAY_FAULT),
                col(D + "complaintDate").as(Columns.COMPLAINT_DATE),
                col(D + "complaintDatePrecision").as(Columns.COMPLAINT_DATE_PRECISION),
                col(D + "complaintToDecisionDays").as(Columns.COMPLAINT_TO_DECISION_DAYS),
                col(D + "remediedBefore").as(Columns.REMEDIED_BEFORE),
                transform(col(D + "serviceImprovements"), i -> struct(i.getField("kind").as(Columns.KIND),
                        i.getField("text").as(Columns.TEXT))).as(Columns.SERVICE_IMPROVEMENTS),
                col(D + "publicInterestReport").as(Columns.PUBLIC_INTEREST_REPORT),
                col(D + "sharedWith").as(Columns.SHARED_WITH),
                col(D + "othersAffected").as(Columns.OTHERS_AFFECTED),
                col(D + "source").as(Columns.SOURCE),
                col(D + "sourceSha256").as(Columns.SOURCE_SHA256),
                transform(col(D + "evidence"), e -> struct(e.getField("field").as(Columns.FIELD),
                        e.getField("value").as(Columns.VALUE), e.getField("sentence").as(Columns.SENTENCE)))
                        .as(Columns.EVIDENCE),
                col(D + "parseWarnings").as(Columns.PARSE_WARNINGS),
                col(D + "textChars").as(Columns.TEXT_CHARS));
    }

    /**
     * The records kept, one per case reference, the other copies (which a later run may still need), and how many
     * copies were merged away.
     */
    record Deduped(Dataset<Row> kept, Dataset<Row> superseded, long merged) {
    }

    /**
     * One record per case reference: a decision published twice (re-issued, or saved as HTML and as text) keeps
     * its most complete copy (fewest parse warnings, then the most text), then the later decision date; the source
     * path breaks any tie so the result never depends on the order files were read. Records without a reference
     * are kept as they are.
     */
    static Deduped oneRecordPerCase(Dataset<Row> decisions) {
        // Copies are ranked on a narrow projection, and only the losing copies' sources come back, to the driver:
        // duplicates are few by nature, and both the kept and the superseded records are then a broadcast join
        // against that small list, without ranking twice. The wide rows are never shuffled.
        WindowSpec bestFirst = Window.partitionBy(col(Columns.CASE_REF)).orderBy(
                col(WARNINGS).asc(), col(Columns.TEXT_CHARS).desc_nulls_last(),
                col(Columns.DECISION_DATE).desc_nulls_last(), col(Columns.SOURCE).asc());
        List<Row> losingSources = decisions.filter(col(Columns.CASE_REF).isNotNull())
                .select(col(Columns.CASE_REF), col(Columns.SOURCE), size(col(Columns.PARSE_WARNINGS)).as(WARNINGS),
                        col(Columns.TEXT_CHARS), col(Columns.DECISION_DATE))
                .withColumn(RANK, row_number().over(bestFirst))
                .filter(col(RANK).gt(1))
                .select(col(Columns.SOURCE).as(LOSER))
                .collectAsList();
        // The loser's column has its own name, so the join condition is never ambiguous.
        Dataset<Row> losers = decisions.sparkSession().createDataFrame(losingSources,
                new StructType().add(LOSER, DataTypes.StringType, false));
        Column isLoser = col(Columns.SOURCE).equalTo(col(LOSER));
        return new Deduped(decisions.join(broadcast(losers), isLoser, "left_anti"),
                decisions.join(broadcast(losers), isLoser, "left_semi"), losingSources.size());
    }

    /**
     * Records a previous run wrote, in the column order {@link #decisions} gives. The year is derived again: read
     * back from the partition folders, a year that is null everywhere would come back as text.
     */
    static Dataset<Row> fromPreviousRun(Dataset<Row> written, String[] columns) {
        Dataset<Row> withYear = written.withColumn(Columns.DECISION_YEAR, year(col(Columns.DECISION_DATE)));
        return withYear.select(java.util.Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
    }

    private static final String WARNINGS = "_warnings";
    private static final String LOSER = "_losing_copy";
    private static final String RANK = "_rank";

    /** decisions.csv: the same rows with list fields flattened and the evidence sentences left out. */
    static Dataset<Row> forCsv(Dataset<Row> decisions) {
        return decisions.select(
                col(Columns.CASE_REF), col(Columns.COUNCIL), col(Columns.COUNCIL_AS_PRINTED), col(Columns.GSS_CODE),
                col(Columns.BODY_TYPE), col(Columns.REGION),
                col(Columns.CATEGORY), col(Columns.SUBCATEGORY), col(Columns.SERVICE_AREA), col(Columns.OUTCOME_RAW),
                col(Columns.OUTCOME),
                col(Columns.DECISION_DATE), col(Columns.FINANCIAL_YEAR),
                transform(col(Columns.PAYMENTS), p -> p.getField(Columns.AMOUNT_GBP)).as(Columns.PAYMENTS_GBP),
                transform(col(Columns.PAYMENTS), p -> p.getField(Columns.PURPOSE)).as(Columns.PAYMENT_PURPOSES),
                col(Columns.PAYMENT_TOTAL_GBP), col(Columns.REMEDIES), col(Columns.REMEDY_DEADLINE_DAYS),
                col(Columns.DELAY_FAULT), col(Columns.COMPLAINT_DATE), col(Columns.COMPLAINT_DATE_PRECISION),
                col(Columns.COMPLAINT_TO_DECISION_DAYS), col(Columns.REMEDIED_BEFORE),
                transform(col(Columns.SERVICE_IMPROVEMENTS), i -> i.getField(Columns.KIND))
                        .as(Columns.SERVICE_IMPROVEMENT_KINDS),
                col(Columns.PUBLIC_INTEREST_REPORT), col(Columns.SHARED_WITH), col(Columns.OTHERS_AFFECTED),
                col(Columns.SUMMARY), col(Columns.SOURCE),
                col(Columns.SOURCE_SHA256), col(Columns.PARSE_WARNINGS));
    }

    static Dataset<Row> quarantine(Dataset<ParsedFile> parsed) {
        return parsed.filter(col("decision").isNull()).select(
                col("source").as(Columns.SOURCE),
                col("reason").as(Columns.REASON),
                col("detail").as(Columns.DETAIL),
                col("preview").as(Columns.PREVIEW));
    }
}
