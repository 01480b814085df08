package uk.ombudsman.analytics.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVPrinter;
import uk.ombudsman.analytics.export.CsvCells;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.reference.CouncilInfo;
import uk.ombudsman.analytics.reports.Columns;

/**
 * The reports a correct job must write for a generated corpus, computed here in plain Java from the generator's
 * own records: an independent oracle for the Spark aggregations. Rounding follows the spec (rates to 4 places,
 * money to 2, days to 1) through the same intermediate steps Spark takes, so the figures must match exactly.
 */
final class TruthReports {
    private static final double Z = 1.959963984540054;

    private TruthReports() {
    }

    /** @param councils every council of the reference list by name, abolished ones too */
    static void write(List<GeneratedDecision> all, Path dir, Map<String, CouncilInfo> councils) throws IOException {
        report(all, dir, "national", List.of(), d -> List.of());
        List<String> councilKeys = List.of(Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION, Columns.GSS_CODE,
                Columns.SUCCESSOR);
        report(all, dir, "by_council", councilKeys, d -> {
            CouncilInfo c = councils.get(d.council());
            return List.of(d.council(), d.bodyType().name(), d.region() == null ? "" : d.region(),
                    c == null ? "" : c.gssCode(), c == null || c.successors().isEmpty() ? ""
                            : String.join("; ", c.successors()));
        });
        // A council abolished into one successor counts as that successor; one split between two stays itself.
        report(all, dir, "by_current_council", councilKeys, d -> {
            CouncilInfo c = councils.get(d.council());
            while (c != null && c.successors().size() == 1) {
                c = councils.get(c.successors().get(0));
            }
            return c == null ? List.of(d.council(), d.bodyType().name(), d.region() == null ? "" : d.region(), "", "")
                    : List.of(c.name(), c.bodyType().name(), c.region(), c.gssCode(),
                            c.successors().isEmpty() ? "" : String.join("; ", c.successors()));
        });
        report(all, dir, "by_category", List.of(Columns.CATEGORY), d -> List.of(d.category()));
        report(all, dir, "by_service_area", List.of(Columns.SERVICE_AREA),
                d -> List.of(ServiceAreas.of(d.category())));
        report(all, dir, "by_body_type", List.of(Columns.BODY_TYPE), d -> List.of(d.bodyType().name()));
        // The job's default basis: the Ombudsman's financial year, 1 April to 31 March.
        report(all.stream().filter(d -> d.parsedDecisionDate() != null).toList(), dir, "by_year",
                List.of(Columns.FINANCIAL_YEAR), d -> List.of(financialYear(d.parsedDecisionDate())));
    }

    /** Worked out here, not by the job's code: "2024-25" from 1 April 2024 to 31 March 2025. */
    private static String financialYear(java.time.LocalDate d) {
        int start = d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    private static void report(List<GeneratedDecision> all, Path dir, String name, List<String> keys,
            Function<GeneratedDecision, List<String>> keyOf) throws IOException {
        Map<List<String>, List<GeneratedDecision>> groups = new TreeMap<>(Comparator.comparing(Object::toString));
        for (GeneratedDecision d : all) {
            groups.computeIfAbsent(keyOf.apply(d), k -> new ArrayList<>()).add(d);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(name + ".csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CsvCells.FORMAT)) {
            List<String> header = new ArrayList<>(keys);
            header.addAll(Columns.METRICS);
            csv.printRecord(header);
            for (var e : groups.entrySet()) {
                List<Object> row = new ArrayList<>(e.getKey());
                row.addAll(metrics(e.getValue()));
                csv.printRecord(row);
            }
        }
    }

    private static List<Object> metrics(List<GeneratedDecision> g) {
        long upheld = count(g, Outcome.UPHELD);
        long notUpheld = count(g, Outcome.NOT_UPHELD);
        long n = upheld + notUpheld;
        List<BigDecimal> paid = g.stream().map(GeneratedDecision::paymentTotal).filter(p -> p.signum() > 0)
                .sorted().toList();
        List<Integer> days = g.stream().map(GeneratedDecision::complaintToDecisionDays).filter(Objects::nonNull)
                .sorted().toList();
        long delayUpheld = g.stream().filter(d -> d.outcome() == Outcome.UPHELD && d.delayFault()).count();
        List<LocalDate> dates = g.stream().map(GeneratedDecision::parsedDecisionDate).filter(Objects::nonNull)
                .sorted().toList();

        List<Object> m = new ArrayList<>();
        m.add(g.size());
        m.add(upheld);
        m.add(notUpheld);
        m.add(count(g, Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES));
        m.add(count(g, Outcome.OTHER));
        if (n > 0) {
            double p = (double) upheld / n;
            double z2 = Z * Z;
            double denominator = 1.0 + z2 / n;
            double centre = p + z2 / (n * 2.0);
            double margin = Z * Math.sqrt(p * (1.0 - p) / n + z2 / ((double) n * n * 4));
            m.add(round(p, 4));
            m.add(round(Math.max(0.0, (centre - margin) / denominator), 4));
            m.add(round(Math.min(1.0, (centre + margin) / denominator), 4));
        } else {
            m.add("");
            m.add("");
            m.add("");
        }
        m.add(paid.size());
        BigDecimal total = paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        m.add(total.toPlainString());
        if (paid.isEmpty()) {
            m.add("");
            m.add("");
            m.add("");
        } else {
            // Spark: avg of decimal(12,2) is exact to 6 places, then 4, then 2.
            m.add(total.divide(BigDecimal.valueOf(paid.size()), 6, RoundingMode.HALF_UP)
                    .setScale(4, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP).toPlainString());
            m.add(BigDecimal.valueOf(median(paid.stream().map(BigDecimal::doubleValue).toList()))
                    .setScale(4, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP).toPlainString());
            m.add(paid.get(paid.size() - 1).setScale(2).toPlainString());
        }
        if (days.isEmpty()) {
            m.add("");
            m.add("");
        } else {
            m.add(round(days.stream().mapToDouble(Integer::doubleValue).sum() / days.size(), 1));
            m.add(round(median(days.stream().map(Integer::doubleValue).toList()), 1));
        }
        m.add(upheld == 0 ? "" : round((double) delayUpheld / upheld, 4));
        m.add(dates.isEmpty() ? "" : dates.get(0).toString());
        m.add(dates.isEmpty() ? "" : dates.get(dates.size() - 1).toString());
        return m;
    }

    /** Spark's percentile(x, 0.5): linear interpolation between the two middle values, in doubles. */
    private static double median(List<Double> sorted) {
        double position = (sorted.size() - 1) * 0.5;
        int lower = (int) Math.floor(position);
        int higher = (int) Math.ceil(position);
        if (lower == higher) {
            return sorted.get(lower);
        }
        return (higher - position) * sorted.get(lower) + (position - lower) * sorted.get(higher);
    }

    private static String round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static long count(List<GeneratedDecision> g, Outcome o) {
        return g.stream().filter(d -> d.outcome() == o).count();
    }
}
