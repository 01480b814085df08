package uk.ombudsman.analytics.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * How often the parser reads each field right on real pages it never saw: the precision and recall of the frozen
 * held-out part of the reading set, with 95% Wilson intervals, as {@code ReadingSetTest} last measured them (it fails
 * when this file and the parser disagree). Copied into each run's manifest, so whoever publishes a figure knows its
 * error rate.
 */
public final class FieldAccuracy {
    /** The bundled scores, one row per field and measure. */
    public static final String RESOURCE = "/quality/held-out-scores.csv";
    /** The Ombudsman's measures' bundled scores (issue 20's fields), in the same form. */
    public static final String MEASURES_RESOURCE = "/quality/held-out-measures.csv";
    private static final String[] HEADER = {"field", "measure", "k", "n", "value", "low95", "high95"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final String MEASURED_ON = "the frozen held-out part of the reading set: real lgo.org.uk page "
            + "openings the parser was never tuned on, labelled before they were scored (README, \"How sure\")";

    private FieldAccuracy() {
    }

    /** One measure of one field: k of n right. */
    public record Score(String field, String measure, int k, int n) {
        /** The row's cells: field, measure, k, n, then value and interval to three places (empty when n is 0). */
        public List<String> cells() {
            double[] ci = wilson(k, n);
            return List.of(field, measure, Integer.toString(k), Integer.toString(n), n == 0 ? "" : places(k / (double) n),
                    n == 0 ? "" : places(ci[0]), n == 0 ? "" : places(ci[1]));
        }

        private static String places(double x) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
    }

    /** The 95% Wilson score interval of k successes in n; {0, 1} when n is 0. */
    public static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959964;
        double p = k / (double) n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The file's text for these scores: what {@link #RESOURCE} holds when it is current. */
    public static String csv(List<Score> scores) {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, FORMAT.builder().setHeader(HEADER).get())) {
            for (Score s : scores) {
                p.printRecord(s.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** The bundled scores as the manifest shows them: field -> measure -> value, interval, k and n. */
    public static Map<String, Object> forManifest() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String resource : List.of(RESOURCE, MEASURES_RESOURCE)) {
            read(resource, fields);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("measured_on", MEASURED_ON);
        out.put("fields", fields);
        return out;
    }

    private static void read(String resource, Map<String, Object> fields) {
        try (InputStream in = FieldAccuracy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            for (CSVRecord c : FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", number(c.get("value")));
                m.put("low95", number(c.get("low95")));
                m.put("high95", number(c.get("high95")));
                m.put("right", Integer.valueOf(c.get("k")));
                m.put("of", Integer.valueOf(c.get("n")));
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) fields.computeIfAbsent(c.get("field"),
                        x -> new LinkedHashMap<>());
                f.put(c.get("measure"), m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double number(String cell) {
        return cell.isEmpty() ? null : Double.valueOf(cell);
    }
}
