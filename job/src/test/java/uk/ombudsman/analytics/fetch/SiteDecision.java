package uk.ombudsman.analytics.fetch;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One decision as the imitation of the site holds it: where the site files it, what its search card shows, the date
 * its search index knows it by, and the decision's text, from which its page is drawn.
 *
 * @param date the decision date the site's search filters on; pages without a "Decision date" line still have one
 *     in the index
 */
public record SiteDecision(String categorySlug, String subcategorySlug, String refSlug, String body, String printedRef,
        String category, String subcategory, String outcome, LocalDate date, String summary, String text) {

    static final Pattern TITLE = Pattern.compile("^(?<body>.*?)\\s*\\((?<ref>\\d{2}\\s*\\d{3}\\s*\\d{3}\\s*[A-Za-z]?)\\)$");
    static final Pattern FIELD = Pattern.compile("^(?<name>category|decision date|decision)\\s*:\\s*(?<value>.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));

    /** The site's path for the page. */
    public String path() {
        return "/decisions/" + categorySlug + "/" + subcategorySlug + "/" + refSlug;
    }

    /**
     * Reads what the site knows of a decision from its text: the title line, the header fields where the page prints
     * them, the summary.
     *
     * @param categorySlug where the site files it, or null to take it from the Category line
     * @param undated the index date for a page that prints no decision date
     */
    public static SiteDecision fromText(String text, String categorySlug, String subcategorySlug, LocalDate undated) {
        String body = null;
        String ref = null;
        String category = null;
        String subcategory = null;
        String outcome = null;
        LocalDate date = null;
        String summary = "";
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            Matcher title = TITLE.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (ref == null && title.matches()) {
                body = title.group("body");
                ref = title.group("ref").replaceAll("\\s+", " ").replaceAll("(\\d) ([A-Za-z])$", "$1$2");
            } else if (ref != null && field.matches()) {
                String value = field.group("value").strip();
                switch (field.group("name").toLowerCase(Locale.ROOT)) {
                    case "category" -> {
                        String[] parts = value.split("\\s*>\\s*", 2);
                        category = parts[0];
                        subcategory = parts.length > 1 ? parts[1] : null;
                    }
                    case "decision" -> outcome = value;
                    default -> date = parseDate(value);
                }
            } else if (summary.isEmpty() && line.regionMatches(true, 0, "Summary:", 0, 8)) {
                summary = line.substring(8).strip();
            }
        }
        if (ref == null) {
            throw new IllegalArgumentException("no title line with a reference");
        }
        String cat = categorySlug != null ? categorySlug : slug(category);
        String sub = subcategorySlug != null ? subcategorySlug : slug(subcategory);
        return new SiteDecision(cat, sub, ref.replace(' ', '-').toLowerCase(Locale.ROOT), body, ref,
                category != null ? category : unslug(cat), subcategory != null ? subcategory : unslug(sub), outcome,
                date != null ? date : undated, summary, text);
    }

    /** As the site makes its slugs: "Children's care services" is children-s-care-services. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String unslug(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static LocalDate parseDate(String value) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(value, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }
}
