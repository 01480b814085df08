package uk.ombudsman.analytics.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldAccuracyTest {
    @Test
    void wilsonIntervalsMatchTheTextbookValues() {
        // Wilson (1927) 95% intervals, as tabulated by Newcombe (1998, Statistics in Medicine 17, Table I):
        // 0 of 10 -> [0, 0.2775]; 5 of 10 -> [0.2366, 0.7634]; 81 of 263 -> [0.2553, 0.3662].
        assertInterval(0, 10, 0.0, 0.2775);
        assertInterval(5, 10, 0.2366, 0.7634);
        assertInterval(81, 263, 0.2553, 0.3662);
    }

    @Test
    void aScoreOfNothingHasNoValueAndTheWholeInterval() {
        assertEquals(java.util.List.of("complaint_date", "recall", "0", "0", "", "", ""),
                new FieldAccuracy.Score("complaint_date", "recall", 0, 0).cells());
    }

    @Test
    void theManifestCarriesEachBundledFieldWithItsIntervalAndCounts() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> fields =
                (Map<String, Map<String, Map<String, Object>>>) FieldAccuracy.forManifest().get("fields");
        Map<String, Object> amounts = fields.get("payment amounts").get("precision");
        int right = (Integer) amounts.get("right");
        int of = (Integer) amounts.get("of");
        assertTrue(of > 0 && right <= of, amounts.toString());
        assertEquals(right / (double) of, (Double) amounts.get("value"), 0.0005);
        assertTrue((Double) amounts.get("low95") <= (Double) amounts.get("value")
                && (Double) amounts.get("value") <= (Double) amounts.get("high95"), amounts.toString());
        assertTrue(fields.get("remedies").containsKey("exact_set_share"), fields.get("remedies").toString());
    }

    private static void assertInterval(int k, int n, double low, double high) {
        double[] ci = FieldAccuracy.wilson(k, n);
        assertEquals(low, ci[0], 0.0001, k + " of " + n);
        assertEquals(high, ci[1], 0.0001, k + " of " + n);
    }
}
