package uk.ombudsman.analytics.reports;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.parsing.ParseWarning;

/**
 * How well the corpus parsed: for each extracted field the share of decisions where it was found, the count of
 * each parse warning, and the count of each quarantine reason. Written as {@code reports/quality} and into the
 * manifest.
 */
public final class QualityReport {
    public static final String KIND = "kind";
    public static final String NAME = "name";
    public static final String COUNT = "count";
    public static final String SHARE = "share";
    public static final StructType SCHEMA = new StructType()
            .add(KIND, DataTypes.StringType, false)
            .add(NAME, DataTypes.StringType, false)
            .add(COUNT, DataTypes.LongType, false)
            .add(SHARE, DataTypes.DoubleType, true);

    /** Fields whose absence means the parser did not find them (lists: empty means none found). */
    private static final List<String> FIELDS = List.of(Columns.CASE_REF, Columns.COUNCIL, Columns.REGION,
            Columns.CATEGORY, Columns.SUBCATEGORY, Columns.OUTCOME_RAW, Columns.DECISION_DATE, Columns.SUMMARY,
            Columns.PAYMENTS, Columns.REMEDIES, Columns.REMEDY_DEADLINE_DAYS, Columns.COMPLAINT_DATE,
            Columns.COMPLAINT_TO_DECISION_DAYS);
    private static final List<String> LISTS = List.of(Columns.PAYMENTS, Columns.REMEDIES);
    /**
     * Warnings that a value read may be wrong (not merely missing): an inferred outcome, delay found only in a
     * summary, a sum in the remedy not counted as a payment, a complaint date chosen among several.
     */
    public static final List<String> UNCERTAINTY = List.of(ParseWarning.OUTCOME_INFERRED.name(),
            ParseWarning.DELAY_FROM_SUMMARY_ONLY.name(), ParseWarning.UNCOUNTED_AMOUNT.name(),
            ParseWarning.COMPLAINT_DATE_AMBIGUOUS.name());
    public static final String ANY_WARNING = "decisions_with_any_warning";
    public static final String NO_BODY = "decisions_naming_no_body";
    /** A printed name the councils list does not know and that is not a care provider, with its count. */
    public static final String UNKNOWN_BODY = "unknown_body";
    public static final String ANY_UNCERTAINTY = "decisions_with_an_uncertain_value";

    private QualityReport() {
    }

    /** The report's rows, sorted by kind and name, plus the same figures as a map for the manifest. */
    public record Result(List<Row> rows, Map<String, Object> summary) {
        /** The share of decisions with an uncertain value, for the run's summary; null for no decisions. */
        public Double uncertainShare() {
            return (Double) summary.get(ANY_UNCERTAINTY + "_share");
        }

        public long noBody() {
            return (Long) summary.get(NO_BODY);
        }

        /** Printed names no council matched, most decisions first. */
        @SuppressWarnings("unchecked")
        public Map<String, Long> unknownBodies() {
            return (Map<String, Long>) summary.get(UNKNOWN_BODY + "s");
        }
    }

    public static Result build(Dataset<Row> decisions, Map<String, Long> quarantinedByReason, long filesRead) {
        List<Column> found = new ArrayList<>();
        found.add(count(lit(1)).as("_decisions"));
        String[] uncertain = UNCERTAINTY.toArray(String[]::new);
        found.add(count(when(size(col(Columns.PARSE_WARNINGS)).gt(0), 1)).as(ANY_WARNING));
        found.add(count(when(col(Columns.COUNCIL).isNull(), 1)).as(NO_BODY));
        found.add(count(when(arrays_overlap(col(Columns.PARSE_WARNINGS), array(Arrays.stream(uncertain)
                .map(functions::lit).toArray(Column[]::new))), 1)).as(ANY_UNCERTAINTY));
        for (String f : FIELDS) {
            Column present = LISTS.contains(f) ? when(size(col(f)).gt(0), 1) : col(f);
            found.add(count(present).as(f));
        }
        Row counts = decisions.agg(found.get(0), found.subList(1, found.size()).toArray(Column[]::new)).first();
        long total = counts.getLong(0);

        List<Row> rows = new ArrayList<>();
        Map<String, Object> fieldShares = new LinkedHashMap<>();
        long anyWarning = counts.getLong(1);
        long noBody = counts.getLong(2);
        long anyUncertain = counts.getLong(3);
        for (int i = 0; i < FIELDS.size(); i++) {
            long n = counts.getLong(i + 4);
            Double share = share(n, total);
            rows.add(RowFactory.create("field", FIELDS.get(i), n, share));
            fieldShares.put(FIELDS.get(i), share);
        }
        Map<String, Object> warnings = new LinkedHashMap<>();
        // The few groups below are sorted here, not by Spark: a Spark sort runs a job of its own to sample them.
        List<Row> byWarning = new ArrayList<>(decisions.select(explode(col(Columns.PARSE_WARNINGS)).as(NAME))
                .groupBy(NAME).count().collectAsList());
        byWarning.sort(Comparator.comparing(r -> r.getString(0)));
        for (Row w : byWarning) {
            rows.add(RowFactory.create("warning", w.getString(0), w.getLong(1), share(w.getLong(1), total)));
            warnings.put(w.getString(0), w.getLong(1));
        }
        rows.add(RowFactory.create("decisions", ANY_WARNING, anyWarning, share(anyWarning, total)));
        rows.add(RowFactory.create("decisions", NO_BODY, noBody, share(noBody, total)));
        Map<String, Long> unknown = new LinkedHashMap<>();
        List<Row> byName = new ArrayList<>(decisions
                .filter(array_contains(col(Columns.PARSE_WARNINGS), ParseWarning.UNKNOWN_BODY.name()))
                .groupBy(col(Columns.COUNCIL_AS_PRINTED)).count().collectAsList());
        byName.sort(Comparator.<Row>comparingLong(r -> -r.getLong(1)).thenComparing(r -> r.isNullAt(0) ? ""
                : r.getString(0)));
        for (Row u : byName) {
            unknown.put(u.getString(0), u.getLong(1));
        }
        unknown.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                rows.add(RowFactory.create(UNKNOWN_BODY, e.getKey(), e.getValue(), share(e.getValue(), total))));
        rows.add(RowFactory.create("decisions", ANY_UNCERTAINTY, anyUncertain, share(anyUncertain, total)));
        quarantinedByReason.forEach((reason, n) -> rows.add(RowFactory.create("quarantine", reason, n,
                share(n, filesRead))));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("decisions", total);
        summary.put("field_found_share", fieldShares);
        summary.put("warnings", warnings);
        summary.put(ANY_WARNING + "_share", share(anyWarning, total));
        summary.put(NO_BODY, noBody);
        summary.put(UNKNOWN_BODY + "s", unknown);
        summary.put(ANY_UNCERTAINTY + "_share", share(anyUncertain, total));
        summary.put("quarantine_reasons", quarantinedByReason);
        return new Result(rows, summary);
    }

    private static Double share(long n, long total) {
        return total == 0 ? null : Math.round(10000.0 * n / total) / 10000.0;
    }
}
