package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.year;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reports.Columns;
import uk.ombudsman.analytics.reports.YearBasis;

/**
 * The parsed beans as the output tables. The decisions table is derived from {@link DecisionRecord}: each field, in
 * the order the record declares them, is a column named in snake_case (a list of beans a list of structs, named the
 * same way; a sum a decimal of two places), so a new field reaches every output with no change here.
 */
final class DecisionTable {
    private static final String D = "decision.";
    private static final DecimalType MONEY = DataTypes.createDecimalType(12, 2);
    /** A column of the decisions table and how it is computed from the parsed bean. */
    private record Named(String name, Column column) {
    }

    /** Columns computed from a field, placed after it: the decision date's calendar and financial years. */
    private static final Map<String, List<Named>> DERIVED = Map.of(Columns.DECISION_DATE, List.of(
            new Named(Columns.DECISION_YEAR, year(col(D + "decisionDate"))),
            new Named(Columns.FINANCIAL_YEAR, YearBasis.financialYear(col(D + "decisionDate")))));
    /** decisions.csv leaves these out: a year the financial year already gives, sentences, a copy's length. */
    static final List<String> NOT_IN_CSV = List.of(Columns.DECISION_YEAR, Columns.EVIDENCE, Columns.TEXT_CHARS);
    /** decisions.csv flattens these lists of structs into one list column per part kept. */
    static final Map<String, Map<String, String>> FLATTENED_IN_CSV = Map.of(
            Columns.PAYMENTS, orderedMap(Columns.PAYMENTS_GBP, Columns.AMOUNT_GBP, Columns.PAYMENT_PURPOSES,
                    Columns.PURPOSE),
            Columns.SERVICE_IMPROVEMENTS, orderedMap(Columns.SERVICE_IMPROVEMENT_KINDS, Columns.KIND));

    private DecisionTable() {
    }

    static Dataset<Row> decisions(Dataset<ParsedFile> parsed) {
        return parsed.filter(col("decision").isNotNull())
                .select(layout().stream().map(n -> n.column().as(n.name())).toArray(Column[]::new));
    }

    /** The decisions table's columns, in order: what {@link #decisions} gives, whatever order a table read back has. */
    static List<String> columnNames() {
        return layout().stream().map(Named::name).toList();
    }

    /** The record's fields in declaration order, each followed by the columns derived from it. */
    private static List<Named> layout() {
        List<Named> out = new ArrayList<>();
        for (Field f : fields(DecisionRecord.class)) {
            String name = columnName(f.getName());
            out.add(new Named(name, column(col(D + f.getName()), f)));
            out.addAll(DERIVED.getOrDefault(name, List.of()));
        }
        return out;
    }

    /** A bean's fields, in the order its class declares them (the JDK lists them so), without its constants. */
    private static List<Field> fields(Class<?> bean) {
        return Arrays.stream(bean.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
    }

    /** {@code caseRef} is {@code case_ref}, {@code sourceSha256} is {@code source_sha256}. */
    static String columnName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static Column column(Column c, Field f) {
        if (f.getType() == BigDecimal.class) {
            return c.cast(MONEY);
        }
        if (f.getType() == List.class && f.getGenericType() instanceof ParameterizedType t
                && t.getActualTypeArguments()[0] instanceof Class<?> element
                && element.getPackage() == DecisionRecord.class.getPackage() && !element.isEnum()) {
            return transform(c, e -> struct(fields(element).stream()
                    .map(g -> column(e.getField(g.getName()), g).as(columnName(g.getName()))).toArray(Column[]::new)));
        }
        return c;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
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

    /**
     * decisions.csv: the same rows, the columns {@link #NOT_IN_CSV} left out, the lists of structs flattened
     * ({@link #FLATTENED_IN_CSV}), and the summary, the one long text, last before where the record came from.
     */
    static Dataset<Row> forCsv(Dataset<Row> decisions) {
        List<Column> columns = new ArrayList<>();
        for (String name : columnNames()) {
            StructField f = decisions.schema().apply(name);
            if (NOT_IN_CSV.contains(name) || name.equals(Columns.SUMMARY)) {
                continue;
            }
            if (name.equals(Columns.SOURCE)) {
                columns.add(col(Columns.SUMMARY));
            }
            Map<String, String> flat = FLATTENED_IN_CSV.get(name);
            if (flat != null) {
                flat.forEach((csvName, part) -> columns.add(transform(col(name), x -> x.getField(part)).as(csvName)));
            } else if (f.dataType() instanceof ArrayType a && a.elementType() instanceof StructType) {
                throw new IllegalStateException(name + " is a list of structs: say in FLATTENED_IN_CSV how "
                        + "decisions.csv flattens it, or leave it out in NOT_IN_CSV");
            } else {
                columns.add(col(name));
            }
        }
        return decisions.select(columns.toArray(Column[]::new));
    }

    static Dataset<Row> quarantine(Dataset<ParsedFile> parsed) {
        return parsed.filter(col("decision").isNull()).select(
                col("source").as(Columns.SOURCE),
                col("reason").as(Columns.REASON),
                col("detail").as(Columns.DETAIL),
                col("preview").as(Columns.PREVIEW));
    }
}
