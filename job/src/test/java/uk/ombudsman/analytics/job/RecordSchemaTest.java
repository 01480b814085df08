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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reports.Columns;

/**
 * Every field of the record reaches the outputs, as the spec lists them: the decisions table is derived from the
 * record, and this holds the derivation to the spec and to decisions.csv. Columns are the fields' names in
 * snake_case.
 */
class RecordSchemaTest {
    private static List<String> recordColumns() {
        List<String> columns = new ArrayList<>();
        for (Field f : DecisionRecord.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                columns.add(DecisionTable.columnName(f.getName()));
            }
        }
        return columns;
    }

    /** The fields the spec's tables list, in their order (each row starts with the field's name in backticks). */
    private static List<String> specFields() throws IOException {
        List<String> fields = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(Files.readString(SPEC));
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    private static final Path SPEC = Path.of("src/docs/decision-record.md");

    private static Dataset<Row> decisions() {
        return DecisionTable.decisions(SharedSpark.get().emptyDataset(Encoders.bean(ParsedFile.class)));
    }

    @Test
    void theDecisionsTableHasTheSpecsFieldsInTheSpecsOrder() throws IOException {
        assertEquals(specFields(), Arrays.asList(decisions().columns()));
    }

    @Test
    void everyFieldOfTheRecordIsInDecisionsCsvOrHasItsReason() {
        List<String> csv = Arrays.asList(DecisionTable.forCsv(decisions()).columns());
        for (String column : recordColumns()) {
            if (DecisionTable.NOT_IN_CSV.contains(column)) {
                continue;
            }
            for (String flat : DecisionTable.FLATTENED_IN_CSV.containsKey(column)
                    ? DecisionTable.FLATTENED_IN_CSV.get(column).keySet() : List.of(column)) {
                assertTrue(csv.contains(flat), flat + " (of " + column + ") is not in decisions.csv: " + csv);
            }
        }
        List<String> evidence = Arrays.asList(EvidenceTable.of(decisions()).columns());
        assertEquals(List.of(Columns.CASE_REF, Columns.FIELD, Columns.VALUE, Columns.SENTENCE), evidence);
    }

    @Test
    void everyFieldOfTheRecordIsInTheSpec() throws IOException {
        List<String> spec = specFields();
        for (String column : recordColumns()) {
            assertTrue(spec.contains(column), column + " is not a field row of src/docs/decision-record.md");
        }
    }

    @Test
    void decisionsCsvKeepsTheColumnsItHasAlwaysHadInTheirOrder() {
        // What spreadsheets rely on: a new field may add a column anywhere, but these stay, in this order.
        List<String> always = List.of("case_ref", "council", "council_as_printed", "gss_code", "body_type", "region", "category",
                "subcategory", "service_area", "outcome_raw", "outcome", "decision_date", "financial_year",
                "payments_gbp", "payment_purposes", "payment_total_gbp", "remedies", "remedy_deadline_days",
                "delay_fault", "complaint_date", "complaint_date_precision", "complaint_to_decision_days",
                "remedied_before", "service_improvement_kinds", "public_interest_report", "shared_with",
                "others_affected", "summary", "source", "source_sha256", "parse_warnings");
        List<String> csv = new ArrayList<>(Arrays.asList(DecisionTable.forCsv(decisions()).columns()));
        csv.retainAll(always);
        assertEquals(always, csv);
    }
}
