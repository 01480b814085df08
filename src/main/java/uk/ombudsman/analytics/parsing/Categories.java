package uk.ombudsman.analytics.parsing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's complaint categories: one spelling for each (typography and spacing normalised, "&" as "and"), the
 * service area of the Ombudsman's annual review each belongs to, and categories read back from the site's URL
 * layout {@code .../decisions/<category>/<subcategory>/<ref>} for pages saved without their header.
 */
public final class Categories {
    static final String EDUCATION_AND_CHILDREN = "Education and children's services";

    /** Canonical category → annual review service area. */
    private static final Map<String, String> SERVICE_AREAS = new LinkedHashMap<>();

    static {
        SERVICE_AREAS.put("Adult care services", "Adult care services");
        SERVICE_AREAS.put("Benefits and tax", "Benefits and tax");
        SERVICE_AREAS.put("Children's care services", EDUCATION_AND_CHILDREN);
        SERVICE_AREAS.put("Education", EDUCATION_AND_CHILDREN);
        SERVICE_AREAS.put("Corporate and other services", "Corporate and other services");
        SERVICE_AREAS.put("Environmental services and public protection and regulation",
                "Environmental services, public protection and regulation");
        SERVICE_AREAS.put("Environment services", "Environmental services, public protection and regulation");
        SERVICE_AREAS.put("Highways and transport", "Highways and transport");
        SERVICE_AREAS.put("Transport and highways", "Highways and transport");
        SERVICE_AREAS.put("Housing", "Housing");
        SERVICE_AREAS.put("Planning and development", "Planning and development");
    }

    private static final Map<String, String> BY_KEY = new LinkedHashMap<>();
    private static final Map<String, String> BY_SLUG = new LinkedHashMap<>();

    static {
        for (String c : SERVICE_AREAS.keySet()) {
            BY_KEY.put(key(c), c);
            BY_SLUG.put(slug(c), c);
        }
        // The site's own slugs for categories whose names it shortens.
        BY_SLUG.put("environmental-services-public-protection-and-regulation",
                "Environmental services and public protection and regulation");
        BY_SLUG.put("environment-services", "Environmental services and public protection and regulation");
        BY_SLUG.put("childrens-care-services", "Children's care services");
    }

    private static final Pattern SITE_PATH = Pattern.compile(
            "/decisions/(?<category>[a-z0-9-]+)/(?<subcategory>[a-z0-9-]+)/[^/]+$", Pattern.CASE_INSENSITIVE);

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
        Matcher m = SITE_PATH.matcher(source.replace('\\', '/'));
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

    private static String slug(String s) {
        return key(s).replace(' ', '-');
    }
}
