package uk.ombudsman.analytics.fetch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.base.SitePaths;

/**
 * A decision's address on the site, {@code /decisions/<category>/<subcategory>/<ref>}, and where its page is kept:
 * the same path under the output folder, so the job can take the category from the path of a page that lacks it.
 */
record DecisionPath(String category, String subcategory, String ref) {

    /** The folder of the output that holds the pages. */
    static final String FOLDER = SitePaths.DECISIONS;

    String url() {
        return "/" + FOLDER + "/" + category + "/" + subcategory + "/" + ref;
    }

    /** Where the page is kept under the output folder. */
    Path file(Path out) {
        return out.resolve(FOLDER).resolve(category).resolve(subcategory).resolve(ref + ".html");
    }

    /** The decision a site path names, or null when it names none. */
    static DecisionPath parse(String path) {
        Matcher m = SitePaths.DECISION_LINK.matcher(path);
        return m.matches() ? new DecisionPath(m.group(1), m.group(2), m.group(3)) : null;
    }

    /**
     * Every decision path in a page's raw HTML, in order, once each. The raw text rather than its anchors, since the
     * site is reported to serve some clients result cards without ordinary links (CPRT), and unescaped first: a
     * scraper of the site found its links written as {@code &#47;} and {@code \/} in some answers.
     */
    static List<DecisionPath> findAll(String html) {
        Set<DecisionPath> found = new LinkedHashSet<>();
        Matcher m = SitePaths.DECISION_LINK.matcher(unescaped(html));
        while (m.find()) {
            found.add(new DecisionPath(m.group(1), m.group(2), m.group(3)));
        }
        return new ArrayList<>(found);
    }

    /** The slashes of a page written as entities or escaped for a script, made plain. */
    static String unescaped(String html) {
        if (html.indexOf('&') < 0 && html.indexOf('\\') < 0) {
            return html;
        }
        return ESCAPED_SLASH.matcher(html).replaceAll("/");
    }

    private static final Pattern ESCAPED_SLASH = Pattern.compile("&#0*47;|&#[xX]0*2[fF];|&sol;|\\\\/");
}
