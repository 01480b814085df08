package uk.ombudsman.analytics.fetch;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import uk.ombudsman.analytics.base.SitePaths;
import uk.ombudsman.analytics.parsing.HtmlText;

/**
 * Whether a page the site served for a decision's address is that decision's page: the site's decision article, the
 * decision's reference in its text (the title line or the article, not a search box or a link), and enough text to
 * be a decision. A "Page not found" answered with 200, a challenge page or another decision is none of these.
 */
final class DecisionPage {
    /**
     * The shortest decision text kept, in characters of the article. The shortest real statements (closed after
     * initial enquiries) run to about a thousand; a "not found" or an error page inside the article is far less.
     */
    static final int FEWEST_CHARACTERS = 300;

    private DecisionPage() {
    }

    /** Why the page is not the decision's own, or null when it is. */
    static String whyNot(byte[] body, String ref) {
        String html = new String(body, StandardCharsets.UTF_8);
        Element article = Jsoup.parse(html).getElementById(SitePaths.ARTICLE_ID);
        if (article == null) {
            return "a page without the site's decision article (id=\"" + SitePaths.ARTICLE_ID + "\")";
        }
        int chars = article.text().length();
        if (chars < FEWEST_CHARACTERS) {
            return "a decision article of only " + chars + " characters";
        }
        if (!reference(ref).matcher(HtmlText.render(html)).find()) {
            return "a page whose title and article do not name " + ref;
        }
        return null;
    }

    /** "19-007-429" (with any letter suffix dropped) as printed: "19 007 429", "19007429", "19-007-429". */
    private static Pattern reference(String ref) {
        String digits = ref.replaceAll("[a-z]+$", "");
        return Pattern.compile("(?<!\\d)" + String.join("[\\s\\u00A0-]*", digits.split("-")) + "(?!\\d)");
    }
}
