package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import uk.ombudsman.analytics.record.DecisionRecord;

/** How each column of a hand-written truth file reads off a parsed record, as the truth files write it. */
final class TruthColumns {
    private static final Map<String, Function<DecisionRecord, String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("case_ref", DecisionRecord::getCaseRef);
        COLUMNS.put("council", DecisionRecord::getCouncil);
        COLUMNS.put("body_type", d -> text(d.getBodyType()));
        COLUMNS.put("region", d -> text(d.getRegion()));
        COLUMNS.put("category", d -> text(d.getCategory()));
        COLUMNS.put("subcategory", d -> text(d.getSubcategory()));
        COLUMNS.put("service_area", d -> text(d.getServiceArea()));
        COLUMNS.put("outcome_raw", d -> text(d.getOutcomeRaw()));
        COLUMNS.put("outcome", d -> text(d.getOutcome()));
        COLUMNS.put("decision_date", d -> text(d.getDecisionDate()));
        COLUMNS.put("payments_gbp", d -> joined(d.getPayments(),
                p -> p.getAmountGbp().stripTrailingZeros().toPlainString()));
        COLUMNS.put("payment_purposes", d -> joined(d.getPayments(), p -> p.getPurpose().name()));
        COLUMNS.put("payment_total_gbp", d -> d.getPaymentTotalGbp().stripTrailingZeros().toPlainString());
        COLUMNS.put("remedies", d -> joined(d.getRemedies(), Enum::name));
        COLUMNS.put("remedy_deadline_days", d -> text(d.getRemedyDeadlineDays()));
        COLUMNS.put("delay_fault", d -> text(d.getDelayFault()));
        COLUMNS.put("complaint_date", d -> text(d.getComplaintDate()));
        COLUMNS.put("complaint_date_precision", d -> text(d.getComplaintDatePrecision()));
        COLUMNS.put("complaint_to_decision_days", d -> text(d.getComplaintToDecisionDays()));
    }

    private TruthColumns() {
    }

    /** Every known column the truth row has equals the record's value; returns how many were compared. */
    static int assertMatches(CSVRecord truth, DecisionRecord d, String label) {
        int compared = 0;
        for (var c : COLUMNS.entrySet()) {
            if (truth.isMapped(c.getKey())) {
                String expected = truth.get(c.getKey());
                if (c.getKey().equals("payment_total_gbp")) {
                    expected = new java.math.BigDecimal(expected).stripTrailingZeros().toPlainString();
                }
                assertEquals(expected, c.getValue().apply(d), label + " " + c.getKey());
                compared++;
            }
        }
        return compared;
    }

    private static <T> String joined(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(";"));
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
