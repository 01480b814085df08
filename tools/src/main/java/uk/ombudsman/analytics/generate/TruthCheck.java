package uk.ombudsman.analytics.generate;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.reports.Columns;

/**
 * Compares a job's output with a generated corpus's truth: every decision field by case reference, every truth
 * report row by its keys. Values are equal as text, or as numbers where both are numbers (730.0 and 730).
 */
public final class TruthCheck {
    private TruthCheck() {
    }

    /** Every difference found, as one line each; empty when the output is right. */
    public static List<String> compare(Path generated, Path output) throws IOException {
        List<String> problems = new ArrayList<>();
        Path truth = generated.resolve(CorpusGenerator.TRUTH);
        Map<String, CSVRecord> got = read(output.resolve(OutputLayout.DECISIONS_CSV)).stream()
                .collect(Collectors.toMap(r -> r.get(Columns.CASE_REF), r -> r, (a, b) -> a));
        List<CSVRecord> expected = read(truth.resolve(OutputLayout.DECISIONS_CSV));
        if (expected.size() != got.size()) {
            problems.add("decisions: expected " + expected.size() + " rows but found " + got.size());
        }
        for (CSVRecord t : expected) {
            CSVRecord g = got.get(t.get(Columns.CASE_REF));
            if (g == null) {
                problems.add("decisions: missing " + t.get(Columns.CASE_REF));
                continue;
            }
            compareRow(t, g, "decisions " + t.get(Columns.CASE_REF), problems);
        }
        try (Stream<Path> files = Files.list(truth.resolve(OutputLayout.REPORTS))) {
            for (Path truthFile : files.sorted().toList()) {
                String name = truthFile.getFileName().toString();
                Path mine = output.resolve(OutputLayout.REPORTS).resolve(name);
                if (!Files.exists(mine)) {
                    problems.add(name + ": missing");
                    continue;
                }
                List<CSVRecord> want = read(truthFile);
                Map<String, CSVRecord> have = read(mine).stream().collect(Collectors.toMap(TruthCheck::key, r -> r));
                if (want.size() != have.size()) {
                    problems.add(name + ": expected " + want.size() + " rows but found " + have.size());
                }
                for (CSVRecord t : want) {
                    CSVRecord g = have.get(key(t));
                    if (g == null) {
                        problems.add(name + ": missing row " + key(t));
                    } else {
                        compareRow(t, g, name + " " + key(t), problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void compareRow(CSVRecord expected, CSVRecord actual, String where, List<String> problems) {
        for (String column : expected.getParser().getHeaderNames()) {
            String e = expected.get(column);
            String a = actual.isMapped(column) ? actual.get(column) : null;
            if (!same(e, a)) {
                problems.add(where + " " + column + ": expected '" + e + "' but found '" + a + "'");
            }
        }
    }

    private static boolean same(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A report row's keys: the columns before the metrics. */
    private static String key(CSVRecord r) {
        StringBuilder k = new StringBuilder();
        for (String column : r.getParser().getHeaderNames()) {
            if (column.equals(Columns.DECISIONS)) {
                break;
            }
            k.append(r.get(column)).append('|');
        }
        return k.toString();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
