package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * The parser against the gold set: real decision text, read by people. Prints per-field precision and recall for
 * the set and for its held-out part (writing every miss to target/gold-misses.txt), and fails when a field falls
 * below the scores recorded here and in README.md.
 */
class GoldSetTest {
    /**
     * Minimum precision and recall per field, where the parser stands: a change that reads worse fails. Lowered for
     * payments and remedies in issue 19, on purpose: the labels now count a payment with no sum printed (73 rows
     * relabelled, most not yet read by the parser), and the learned veto on sums drops four payments the phrase
     * rules, tuned on this set, had read (it drops far more wrong ones on pages they were not tuned on). Remedies'
     * precision lowered again on 2026-12-07 (reading set HISTORY entry 37): a remedy agreed in words that name no kind
     * ("the Council has agreed to remedy the injustice caused") is now OTHER, as the reading set's readers labelled it
     * on 23 of 29 such training pages; this set's readers left such pages empty (22 more pages read wrongly here, 7
     * more in its held-out part).
     */
    private static final Map<String, double[]> MINIMUM = Map.ofEntries(
            Map.entry("case_ref", new double[] {1.00, 1.00}),
            Map.entry("body", new double[] {1.00, 1.00}),
            Map.entry("category", new double[] {1.00, 1.00}),
            Map.entry("subcategory", new double[] {1.00, 1.00}),
            Map.entry("decision_date", new double[] {1.00, 1.00}),
            Map.entry("outcome", new double[] {1.00, 1.00}),
            Map.entry("outcome, no header", new double[] {1.00, 1.00}),
            Map.entry("outcome, header removed", new double[] {0.93, 0.89}),
            Map.entry("payment amounts", new double[] {1.00, 0.95}),
            Map.entry("payment purposes", new double[] {0.89, 0.71}),
            Map.entry("payment total", new double[] {0.98, 0.94}),
            Map.entry("remedies", new double[] {0.88, 0.84}),
            Map.entry("remedy_deadline_days", new double[] {1.00, 1.00}),
            Map.entry("delay_fault", new double[] {0.98, 0.85}),
            Map.entry("complaint_date", new double[] {1.00, 0.69}));
    /**
     * The held-out set's, recorded as first measured: lower, since nothing was tuned on it. Payment purposes and
     * remedies lowered in issue 19 for the relabelling (payments with no sum printed now count; 18 rows).
     */
    private static final Map<String, double[]> MINIMUM_HOLDOUT = Map.ofEntries(
            Map.entry("case_ref", new double[] {1.00, 1.00}),
            Map.entry("body", new double[] {1.00, 1.00}),
            Map.entry("category", new double[] {1.00, 1.00}),
            Map.entry("subcategory", new double[] {1.00, 1.00}),
            Map.entry("decision_date", new double[] {1.00, 1.00}),
            Map.entry("outcome", new double[] {0.98, 0.98}),
            Map.entry("outcome, no header", new double[] {0.92, 0.92}),
            Map.entry("outcome, header removed", new double[] {0.94, 0.92}),
            Map.entry("payment amounts", new double[] {1.00, 0.87}),
            Map.entry("payment purposes", new double[] {0.85, 0.66}),
            Map.entry("payment total", new double[] {1.00, 0.87}),
            Map.entry("remedies", new double[] {0.85, 0.82}),
            Map.entry("delay_fault", new double[] {0.91, 0.55}),
            Map.entry("complaint_date", new double[] {1.00, 0.50}));
    /** Sums counted as payments that the labels list as not payments (repayments, offers, ranges, ...). */
    private static final int MAX_NOT_PAYMENTS_COUNTED = 0;

    private static List<GoldSet.Passage> gold;
    private static FieldScores main;
    private static FieldScores holdout;

    @BeforeAll
    static void scoreTheParser() throws IOException {
        gold = GoldSet.load(GoldSet.DIR);
        main = new FieldScores(gold);
        holdout = new FieldScores(GoldSet.load(GoldSet.HOLDOUT));
        String report = main.table("Gold set") + holdout.table("Held-out set (labelled after the parser changes)");
        System.out.print(report);
        Path misses = Path.of("job/target/gold-misses.txt");
        Files.createDirectories(misses.getParent());
        Files.writeString(misses, report + "\nGold set\n" + String.join("\n", main.misses) + "\n\nHeld-out set\n"
                + String.join("\n", holdout.misses) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void goldSetHoldsEnoughRealPassagesFromEveryCategoryAndBothLayouts() {
        assertTrue(gold.size() >= 250, "passages: " + gold.size());
        Set<String> categories = gold.stream().filter(p -> p.url().contains("/decisions/"))
                .map(p -> p.url().replaceAll(".*/decisions/([^/]+)/.*", "$1"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(categories.containsAll(Set.of("adult-care-services", "children-s-care-services", "education",
                "housing", "planning", "environment-and-regulation", "transport-and-highways", "benefits-and-tax",
                "other-categories")), "categories: " + categories);
        Set<String> years = gold.stream().filter(p -> !p.decisionDate().isEmpty())
                .map(p -> p.decisionDate().substring(0, 4)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(years.containsAll(Set.of("2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024",
                "2025")), "years: " + years);
        assertTrue(gold.stream().filter(p -> !p.hasHeader()).count() >= 50, "pages without header lines");
        gold.forEach(p -> assertTrue(Files.isRegularFile(p.path()), p.file()));
    }

    @Test
    void everyFieldReadsAtLeastAsWellAsRecorded() {
        assertEquals(List.of(), main.below(MINIMUM), "fields below their recorded scores (job/target/gold-misses.txt)");
        assertEquals(List.of(), holdout.below(MINIMUM_HOLDOUT),
                "held-out fields below their recorded scores (job/target/gold-misses.txt)");
    }

    @Test
    void noSumIsCountedAsAPaymentThatIsNotOne() {
        assertTrue(main.notPaymentsCounted <= MAX_NOT_PAYMENTS_COUNTED,
                main.notPaymentsCounted + " sums counted that are not payments (job/target/gold-misses.txt)");
        assertTrue(holdout.notPaymentsCounted <= MAX_NOT_PAYMENTS_COUNTED,
                holdout.notPaymentsCounted + " held-out sums counted that are not payments (job/target/gold-misses.txt)");
    }
}
