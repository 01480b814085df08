package uk.ombudsman.analytics.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.ombudsman.analytics.base.SitePaths;

/**
 * The site's complaint categories: one spelling for each (typography and spacing normalised, "&" as "and"), the
 * service area of the Ombudsman's annual review each belongs to, and categories read back from the site's URL
 * layout {@code .../decisions/<category>/<subcategory>/<ref>} for pages saved without their header.
 */
public final class Categories {
    /** The site's categories, their slugs and service areas: data, read once (see reference/categories.md). */
    public static final String RESOURCE = "/reference/categories.csv";

    /** Canonical category → annual review service area. */
    private static final Map<String, String> SERVICE_AREAS = new LinkedHashMap<>();
    private static final Map<String, String> BY_KEY = new LinkedHashMap<>();
    private static final Map<String, String> BY_SLUG = new LinkedHashMap<>();

    static {
        try (InputStream in = Categories.class.getResourceAsStream(RESOURCE);
                Reader r = new InputStreamReader(Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String category = c.get("category");
                SERVICE_AREAS.put(category, c.get("service_area"));
                BY_KEY.put(key(category), category);
                BY_SLUG.put(c.get("slug"), category);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled " + RESOURCE + " cannot be read", e);
        }
        // Slugs the site has used for categories whose names it shortens or spells without the apostrophe.
        BY_SLUG.put("childrens-care-services", "Children's care services");
    }


    private Categories() {
    }

    /** A category as printed, in its one spelling. */
    static String normalise(String printed) {
        if (printed == null) {
            return null;
        }
        String s = DecisionDocument.normalise(printed).replace("&", " and ").replaceAll("\\s+", " ").strip();
        if (s.isEmpty()) {
            return null;
        }
        String known = BY_KEY.get(key(s));
        return known != null ? known : s;
    }

    /** A subcategory as printed: typography and spacing only, since the site's list of them is long and changes. */
    static String normaliseSub(String printed) {
        if (printed == null) {
            return null;
        }
        String s = DecisionDocument.normalise(printed).replace("&", " and ").replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    /** The annual review's service area for a category; "Other" for one it does not list. */
    public static String serviceArea(String category) {
        if (category == null) {
            return null;
        }
        return SERVICE_AREAS.getOrDefault(category, "Other");
    }

    /** Category and subcategory from a source path in the site's layout, or null. */
    static String[] fromSourcePath(String source) {
        if (source == null) {
            return null;
        }
        Matcher m = SitePaths.SAVED_PAGE.matcher(source.replace('\\', '/'));
        if (!m.find()) {
            return null;
        }
        String category = BY_SLUG.get(m.group("category").toLowerCase(Locale.ROOT));
        if (category == null) {
            category = unslug(m.group("category"));
        }
        return new String[] {category, unslug(m.group("subcategory"))};
    }

    private static String unslug(String slug) {
        String words = slug.toLowerCase(Locale.ROOT).replace('-', ' ').strip();
        return words.isEmpty() ? null : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", " ").strip();
    }

}
