package uk.ombudsman.analytics.fetch;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page of the site's decision search says: its count of results, when it prints one, and the decisions it
 * links.
 *
 * @param total "Your search has N results", or null when the page does not say it
 */
record SearchPage(Long total, List<DecisionPath> decisions) {
    /** LDH reads the count with the same words; the number may hold thousands separators. */
    private static final Pattern COUNT = Pattern.compile("Your search has\\s+([0-9][0-9,]*)\\s+results?",
            Pattern.CASE_INSENSITIVE);

    static SearchPage read(String html) {
        Matcher m = COUNT.matcher(html);
        Long total = m.find() ? Long.valueOf(m.group(1).replace(",", "")) : null;
        return new SearchPage(total, DecisionPath.findAll(html));
    }

    /** Neither a count nor a result: the search form alone, or a page that is not the search at all. */
    boolean isShell() {
        return total == null && decisions.isEmpty();
    }
}
