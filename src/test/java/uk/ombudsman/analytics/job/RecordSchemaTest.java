package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reports.Columns;

/**
 * Every field of the record reaches the outputs: a field that is parsed but not mapped would otherwise reach none,
 * and no other test would notice. Columns are the fields' names in snake_case.
 */
class RecordSchemaTest {
    /** Fields decisions.csv carries flattened, under these columns. */
    private static final Map<String, List<String>> FLATTENED_IN_CSV = Map.of(
            Columns.PAYMENTS, List.of(Columns.PAYMENTS_GBP, Columns.PAYMENT_PURPOSES),
            Columns.SERVICE_IMPROVEMENTS, List.of(Columns.SERVICE_IMPROVEMENT_KINDS));
    /** Fields decisions.csv leaves out, each for a reason: the evidence has its own file, the length ranks copies. */
    private static final List<String> NOT_IN_CSV = List.of(Columns.EVIDENCE, Columns.TEXT_CHARS);

    private static List<String> recordColumns() {
        List<String> columns = new ArrayList<>();
        for (Field f : DecisionRecord.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                columns.add(f.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return columns;
    }

    private static Dataset<Row> decisions() {
        return DecisionTable.decisions(SharedSpark.get().emptyDataset(Encoders.bean(ParsedFile.class)));
    }

    @Test
    void everyFieldOfTheRecordIsAColumnOfTheDecisionsTable() {
        List<String> table = Arrays.asList(decisions().columns());
        for (String column : recordColumns()) {
            assertTrue(table.contains(column), column + " is not in the decisions table: " + table);
        }
        // And nothing else but the two years derived from the decision date.
        List<String> extra = new ArrayList<>(table);
        extra.removeAll(recordColumns());
        assertEquals(List.of(Columns.DECISION_YEAR, Columns.FINANCIAL_YEAR), extra);
    }

    @Test
    void everyFieldOfTheRecordIsInDecisionsCsvOrHasItsReason() {
        List<String> csv = Arrays.asList(DecisionTable.forCsv(decisions()).columns());
        for (String column : recordColumns()) {
            if (NOT_IN_CSV.contains(column)) {
                continue;
            }
            for (String flat : FLATTENED_IN_CSV.getOrDefault(column, List.of(column))) {
                assertTrue(csv.contains(flat), flat + " (of " + column + ") is not in decisions.csv: " + csv);
            }
        }
        List<String> evidence = Arrays.asList(EvidenceTable.of(decisions()).columns());
        assertEquals(List.of(Columns.CASE_REF, Columns.FIELD, Columns.VALUE, Columns.SENTENCE), evidence);
    }

    @Test
    void everyFieldOfTheRecordIsInTheSpec() throws IOException {
        String spec = Files.readString(Path.of("src/docs/decision-record.md"));
        for (String column : recordColumns()) {
            assertTrue(spec.contains("`" + column + "`"), column + " is not described in src/docs/decision-record.md");
        }
    }
}
