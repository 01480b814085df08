package uk.ombudsman.analytics.parsing;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import uk.ombudsman.analytics.base.SitePaths;

/**
 * Renders a decision page saved from the site as the same plain text the text layout has: one line per block,
 * list items as {@code - } bullets, page furniture (scripts, navigation, cookie banners, footers) dropped.
 *
 * <p>Pages as www.lgo.org.uk serves them hold the decision in {@code <article id="article">}, its header fields as
 * {@code class="label"} / {@code class="value"} pairs, and the "Body (ref)" line either in a {@code <header>} inside
 * the article or somewhere before it (which one is not known: src/docs/lgsco-site.md, 1.6). Such a page is
 * rendered as that line, then the article alone, each label joined to its value on one line
 * ({@code Category : Housing > Allocations}), so the parser reads it as it reads the text layout.
 */
public final class HtmlText {
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
    private static final Evaluator LABELS_AND_VALUES = QueryParser.parse(".label, .value");
    /** "Body name (23 017 218)" or an old report's "(23 017 218)": the line that names the decision. */
    private static final Pattern TITLE = Pattern.compile(
            "^.{0,200}\\(\\s*\\d{2}\\s*\\d{3}\\s*\\d{3}\\s*[A-Za-z]?\\s*\\)$");
    private static final Pattern REF_AT_END = Pattern.compile("\\(\\s*\\d{2}\\s*\\d{3}\\s*\\d{3}\\s*[A-Za-z]?\\s*\\)\\s*$");
    private static final int MAX_TITLE = 240;

    private HtmlText() {
    }

    public static String render(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(FURNITURE).remove();
        joinLabelsToValues(doc);
        Element body = doc.body() != null ? doc.body() : doc;
        Element article = doc.getElementById(SitePaths.ARTICLE_ID);
        StringBuilder out = new StringBuilder(html.length() / 2);
        if (article == null) {
            append(body, out);
            return out.toString();
        }
        Element title = titleBefore(body, article);
        if (title != null) {
            append(title, out);
            newLine(out);
        }
        append(article, out);
        return out.toString();
    }

    /**
     * Each label and the value that follows it in the page become one line "Label : value", whatever elements hold
     * them (spans in a paragraph, divs, a definition list), with the value's parts (the category, "&gt;", the
     * subcategory) spaced as printed.
     */
    private static void joinLabelsToValues(Document doc) {
        Elements parts = doc.select(LABELS_AND_VALUES);
        for (int i = 0; i + 1 < parts.size(); i++) {
            Element label = parts.get(i);
            Element value = parts.get(i + 1);
            if (!label.hasClass("label") || label.hasClass("value") || !value.hasClass("value")
                    || value.parents().contains(label) || label.parents().contains(value)) {
                continue;
            }
            String name = spacedText(label).replaceFirst("\\s*:$", "");
            Element line = new Element("div").text(name + " : " + spacedText(value));
            label.replaceWith(line);
            value.remove();
            i++;
        }
    }

    /** The text nodes under an element, each trimmed, joined by one space. */
    private static String spacedText(Element e) {
        StringBuilder b = new StringBuilder();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                b.append(b.length() > 0 ? " " : "").append(t.text().strip());
            }
        }, e);
        return b.toString();
    }

    /**
     * The "Body (ref)" line when the page prints it before the article: the nearest such line before it. Null when
     * the article holds the line (rendered in its place) or the page has none. Only text that ends in a reference in
     * brackets is looked at, so a page costs a few checks, not one per element.
     */
    private static Element titleBefore(Element body, Element article) {
        Element[] found = {null};
        boolean[] inArticle = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == article) {
                    inArticle[0] = true;
                } else if (node instanceof TextNode t && REF_AT_END.matcher(t.getWholeText()).find()) {
                    Element title = enclosingTitle(t);
                    if (title != null && inArticle[0]) {
                        found[0] = null;
                        return FilterResult.STOP;
                    } else if (title != null) {
                        found[0] = title;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return node == article ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, body);
        return found[0];
    }

    /**
     * The element around a text node whose whole text is a title line, a few levels up at most: the outermost such,
     * so that "Body <span>(ref)</span>" gives the line with the body, not the bracket alone.
     */
    private static Element enclosingTitle(TextNode t) {
        Element found = null;
        Element e = t.parent();
        for (int level = 0; e != null && level < 4; level++, e = e.parent()) {
            String text = e.text();
            if (text.length() > MAX_TITLE || !TITLE.matcher(text).matches()) {
                break;
            }
            found = e;
        }
        return found;
    }

    private static void append(Element root, StringBuilder out) {
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
    }

    private static void newLine(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }
}
