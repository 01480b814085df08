package uk.ombudsman.analytics.parsing;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Renders a decision page saved from the site as the same plain text the text layout has: one line per block,
 * list items as {@code - } bullets, page furniture (scripts, navigation, cookie banners, footers) dropped.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "br", "tr", "table", "blockquote", "dd", "dt", "dl", "header",
            "address", "pre", "hr", "figure", "td", "th");
    /**
     * Parsed once, since jsoup parses a selector given as text on every call. Shared by all parse threads: these
     * evaluators hold no state between selections (jsoup compiles selectors to be reused across threads).
     */
    private static final Evaluator FURNITURE = QueryParser.parse("script, style, noscript, template, nav, footer, "
            + "form, iframe, svg, button, select, [aria-hidden=true], [hidden], .cookie-banner, .cookies, "
            + "#cookie-banner, [class*=cookie], [id*=cookie], [class*=breadcrumb], [class*=skip-link]");

    private HtmlText() {
    }

    static String render(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(FURNITURE).remove();
        Element root = doc.body() != null ? doc.body() : doc;
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // The raw text: line breaks in the source are spaces, and the parser collapses spaces itself.
                    out.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newLine(out);
                    if (e.normalName().equals("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newLine(out);
                }
            }
        }, root);
        return out.toString();
    }

    private static void newLine(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }
}
