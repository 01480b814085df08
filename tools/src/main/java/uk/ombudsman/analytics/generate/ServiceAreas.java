package uk.ombudsman.analytics.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The truth's service area of each category, read from the bundled reference data (data the parser reads too,
 * but by this code, not the parser's: the generator's truth imports nothing of the parser).
 */
final class ServiceAreas {
    private static final String RESOURCE = "/reference/categories.csv";
    private static final Map<String, String> BY_CATEGORY = new HashMap<>();

    static {
        try (InputStream in = ServiceAreas.class.getResourceAsStream(RESOURCE);
                Reader r = new InputStreamReader(Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                BY_CATEGORY.put(c.get("category"), c.get("service_area"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceAreas() {
    }

    static String of(String category) {
        return BY_CATEGORY.getOrDefault(category, "Other");
    }
}
