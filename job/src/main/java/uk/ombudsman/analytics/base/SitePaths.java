package uk.ombudsman.analytics.base;

import java.util.regex.Pattern;

/**
 * How www.lgo.org.uk lays out a decision, as both the fetch (which finds and checks pages) and the parser (which
 * reads them, and their saved paths) rely on it: the one place it is spelled (src/docs/lgsco-site.md has the sources).
 */
public final class SitePaths {
    /** The first segment of a decision's permalink, and the folder a fetch keeps the pages in. */
    public static final String DECISIONS = "decisions";

    /** The element a decision page holds the decision in: {@code <article id="article">}. */
    public static final String ARTICLE_ID = "article";

    /** A category or subcategory slug: lower case, digits and hyphens. */
    private static final String SLUG = "[a-z0-9][a-z0-9-]*";

    /**
     * A decision's permalink, {@code /decisions/<category>/<subcategory>/<ref>} (the pattern LDH's scraper accepts):
     * groups 1 to 3 are the slugs and a reference that starts with a digit and may carry a letter suffix
     * ({@code 18-010-781b}). The look-ahead refuses a longer path, so {@code /decisions/<cat>/<sub>} listings and
     * anything below a decision are not taken for one.
     */
    public static final Pattern DECISION_LINK = Pattern.compile(
            "/" + DECISIONS + "/(" + SLUG + ")/(" + SLUG + ")/([0-9][0-9a-z-]*)(?![0-9a-zA-Z_-]|/[A-Za-z0-9])");

    /**
     * The end of a saved page's path, {@code .../decisions/<category>/<subcategory>/<file>}, whatever the case: where
     * a page names no category of its own, its path still does.
     */
    public static final Pattern SAVED_PAGE = Pattern.compile(
            "/" + DECISIONS + "/(?<category>" + SLUG + ")/(?<subcategory>" + SLUG + ")/[^/]+$",
            Pattern.CASE_INSENSITIVE);

    private SitePaths() {
    }
}
