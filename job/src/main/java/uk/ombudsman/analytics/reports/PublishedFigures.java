package uk.ombudsman.analytics.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the Ombudsman itself publishes, to set this project's figures beside: its national figures per financial year
 * (bundled, each with the address it was read at and the words it was read from; a figure with no source is not
 * there), and, where a user gives it, its per-council table.
 */
public final class PublishedFigures {
    /** The bundled national figures: financial_year, measure, value, source_url, quote, note. */
    public static final String NATIONAL = "/reference/lgsco-national-figures.csv";
    /**
     * The headings of the Ombudsman's per-council figures that a user's file may carry, as seen on its pages (README
     * says where), and the measure each gives. Matched without regard to case or spacing.
     */
    public static final Map<String, NationalMeasure> COUNCIL_HEADINGS = Map.of(
            "complaints upheld", NationalMeasure.UPHELD,
            "upheld", NationalMeasure.UPHELD,
            "uphold rate", NationalMeasure.UPHOLD_RATE,
            "investigated", NationalMeasure.INVESTIGATED,
            "detailed investigations", NationalMeasure.INVESTIGATED,
            "satisfactory remedy provided by authority", NationalMeasure.SATISFACTORY_REMEDY_SHARE,
            "satisfactory remedies provided by the authority", NationalMeasure.SATISFACTORY_REMEDY_SHARE,
            "satisfactory remedies provided by the council", NationalMeasure.SATISFACTORY_REMEDY_SHARE);
    /** The columns naming the council and the year in a user's per-council file. */
    public static final List<String> COUNCIL_COLUMNS = List.of("authority", "organisation", "council");
    public static final List<String> YEAR_COLUMNS = List.of("year", "financial year");

    /** One published figure: national (council null) or one council's. */
    public record Figure(String financialYear, String council, NationalMeasure measure, double value,
            String sourceUrl, String note) {
    }

    private final List<Figure> figures;

    private PublishedFigures(List<Figure> figures) {
        this.figures = List.copyOf(figures);
    }

    /** Figures given directly (a test's fixture). */
    static PublishedFigures of(List<Figure> figures) {
        return new PublishedFigures(figures);
    }

    public List<Figure> figures() {
        return figures;
    }

    /** The national figures bundled with the project. */
    public static PublishedFigures bundled() {
        try (InputStream in = PublishedFigures.class.getResourceAsStream(NATIONAL)) {
            if (in == null) {
                throw new IllegalStateException(NATIONAL + " is missing from the build");
            }
            List<Figure> out = new ArrayList<>();
            for (CSVRecord r : header().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.add(new Figure(r.get("financial_year"), null,
                        NationalMeasure.valueOf(r.get("measure").toUpperCase(Locale.ROOT)),
                        Double.parseDouble(r.get("value")), r.get("source_url"), r.get("note")));
            }
            return new PublishedFigures(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These figures and the per-council ones of a user's file (its columns named as the Ombudsman names them). */
    public PublishedFigures withCouncilData(Path file) {
        List<Figure> out = new ArrayList<>(figures);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var records = header().parse(r);
            Map<String, Integer> columns = records.getHeaderMap();
            String councilColumn = find(columns, COUNCIL_COLUMNS, file);
            String yearColumn = find(columns, YEAR_COLUMNS, file);
            for (CSVRecord row : records) {
                for (String heading : columns.keySet()) {
                    NationalMeasure m = COUNCIL_HEADINGS.get(plain(heading));
                    String cell = row.get(heading).strip().replace(",", "");
                    if (m == null || cell.isEmpty()) {
                        continue;
                    }
                    double value = cell.endsWith("%") ? Double.parseDouble(cell.substring(0, cell.length() - 1)) / 100
                            : Double.parseDouble(cell);
                    if (m.isShare() && value > 1) {
                        value /= 100; // "83" in a rate column is 83%
                    }
                    out.add(new Figure(row.get(yearColumn).strip(), row.get(councilColumn).strip(), m, value,
                            file.getFileName().toString(), "given with --lgsco-council-data"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": a figure that is not a number (" + e.getMessage() + ")");
        }
        return new PublishedFigures(out);
    }

    private static String find(Map<String, Integer> columns, List<String> names, Path file) {
        for (String heading : columns.keySet()) {
            if (names.contains(plain(heading))) {
                return heading;
            }
        }
        throw new IllegalArgumentException(file + " has no column named any of " + names + "; its columns: "
                + columns.keySet());
    }

    private static String plain(String heading) {
        return heading.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static CSVFormat header() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    }
}
