package uk.ombudsman.analytics.fetch;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of www.lgo.org.uk as this project's imitation serves them. The markup is a reconstruction (no copy of
 * the site's HTML was found): the facts it follows are those of src/docs/lgsco-site.md (sections 1.5, 1.6 and 4):
 * the decision in {@code <article id="article">}, its header as {@code class="label"}
 * / {@code class="value"} pairs with the category's two parts around "&gt;", the "Body (ref)" line inside a
 * {@code <header>} in the article or before the article, numbered paragraphs, "Back to top" links, "Print this page"
 * as the article's last text, a cookie banner before or after; search results that say "Your search has N results"
 * and show ten cards, each linking the decision's path.
 */
public final class SitePages {
    /** Where a decision page prints its "Body (ref)" line: not known for the real site, so both are served. */
    public enum TitlePlacement {
        IN_ARTICLE_HEADER,
        BEFORE_ARTICLE
    }

    /** How one decision page is drawn. */
    public record Style(TitlePlacement title, boolean bannerFirst, boolean contents) {
    }

    public static final int PAGE_SIZE = 10;
    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    /** The list markers the text layouts print: numbers, bullets, letters, roman numerals. */
    private static final Pattern ITEM = Pattern.compile(
            "^(?:(?<number>\\(?\\d{1,3}[.)])|[-\\u2022\\u2023\\u25E6\\u2043\\u00B7*]|\\(?[a-z][.)]|\\([ivx]{1,4}\\))\\s+");
    private static final String COOKIE_BANNER = "<div class=\"cookie-banner\" id=\"ccc\"><img src=\"/images/logo.svg\" "
            + "alt=\"LGO logogram\"><h2>Review your privacy settings</h2><h3>Required cookies</h3><p>These cookies "
            + "enable the website to function properly.</p><button>Accept recommended settings</button>"
            + "<p>Privacy settings</p></div>\n";

    private SitePages() {
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\"><title>" + esc(title)
                + " - Local Government and Social Care Ombudsman</title>\n<link rel=\"stylesheet\" href=\"/css/site.css\">"
                + "<script>window.dataLayer=window.dataLayer||[];</script></head>\n<body>\n"
                + "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
                + "<header class=\"site-header\"><a href=\"/\"><img src=\"/images/logo.svg\" alt=\"LGO logogram\"></a>\n"
                + "<nav><ul><li><a href=\"/make-a-complaint\">Make a complaint</a></li><li><a href=\"/decisions\">"
                + "Decisions</a></li><li><a href=\"/decisions/housing\">Housing</a></li><li><a href=\"/decisions/"
                + "adult-care-services/charging\">Charging</a></li><li><a href=\"/your-councils-performance\">Your "
                + "council's performance</a></li></ul></nav>\n<form action=\"/search/\" method=\"get\"><input name=\"k\">"
                + "<button>Search</button></form></header>\n";
    }

    private static String foot() {
        return "<footer><ul><li><a href=\"/copyright\">Copyright</a></li><li><a href=\"/privacy\">Privacy</a></li>"
                + "</ul><p>&copy; Local Government and Social Care Ombudsman</p></footer>\n";
    }

    private static String searchForm() {
        return "<form name=\"decisionSearch\" action=\"/decisionsnew/newsearchpost\" method=\"post\">"
                + "<label for=\"aname\">Organisation</label><input id=\"aname\" name=\"aname\">"
                + "<label for=\"fd\">From</label><input id=\"fd\" name=\"fd\" type=\"date\">"
                + "<label for=\"td\">To</label><input id=\"td\" name=\"td\" type=\"date\">"
                + "<button type=\"submit\">Search</button></form>\n";
    }

    /** The decisions page: the search form (the site sets its session cookie here). */
    static String decisionsHome() {
        return head("Decisions") + "<main id=\"main\"><h1>Decisions</h1><p>Search our decisions.</p>" + searchForm()
                + "</main>\n" + foot() + "</body></html>\n";
    }

    /** What a client the site will not serve gets: the form and nothing else (CPRT's "search shell"). */
    static String shell() {
        return head("Search results") + "<main id=\"main\"><h1>Search results</h1>" + searchForm()
                + "<div id=\"results\"></div></main>\n" + foot() + "</body></html>\n";
    }

    /**
     * A shell whose script fetches the same address as the page's own request (session cookie, X-Requested-With)
     * and puts the page it gets in place of itself: its results exist only once the script has run (invented, after
     * what CPRT reports of the site's search for automated clients).
     */
    static String scriptedShell() {
        return head("Search results") + "<main id=\"main\"><h1>Search results</h1>" + searchForm()
                + "<div id=\"results\">Loading...</div></main>\n<script>fetch(location.href, {credentials: "
                + "'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => r.text()).then(t => {"
                + " document.open(); document.write(t); document.close(); });</script>\n" + foot() + "</body></html>\n";
    }

    /**
     * A page of search results.
     *
     * @param noResults what a search with no results says instead of the count (not recorded for the real site), or
     *     null to print "Your search has 0 results"
     * @param linksInData cards carry their link in a data attribute rather than an anchor, as CPRT reports the site
     *     sometimes does for automated clients
     */
    static String results(List<SiteDecision> page, int total, int pageNumber, int pageSize, String query,
            String noResults, boolean linksInData) {
        StringBuilder b = new StringBuilder(head("Search results")).append("<main id=\"main\"><h1>Search results</h1>")
                .append(searchForm());
        if (total == 0 && noResults != null) {
            b.append("<p class=\"no-results\">").append(esc(noResults)).append("</p>\n");
        } else {
            b.append(String.format(Locale.UK, "<p class=\"results-count\">Your search has %,d results</p>%n", total));
        }
        b.append("<ul class=\"search-results\">\n");
        for (SiteDecision d : page) {
            String link = linksInData
                    ? "<span class=\"result-link\" data-href=\"" + d.path() + "\">" + esc(cardTitle(d)) + "</span>"
                    : "<a href=\"" + d.path() + "\">" + esc(cardTitle(d)) + "</a>";
            b.append("<li class=\"result\"><h3>").append(link).append("</h3>\n<p class=\"result-meta\">")
                    .append(esc(cardMeta(d))).append("</p>\n<p class=\"result-summary\">Summary: ")
                    .append(esc(d.summary())).append("</p></li>\n");
        }
        b.append("</ul>\n");
        int pages = (total + pageSize - 1) / pageSize;
        if (pages > 1) {
            b.append("<nav class=\"pagination\">");
            for (int p = 1; p <= pages; p++) {
                b.append(p == pageNumber ? "<span>" + p + "</span> "
                        : "<a href=\"/Decisions/SearchResults?" + esc(query) + "&amp;page=" + p + "\">" + p + "</a> ");
            }
            b.append("</nav>\n");
        }
        return b.append("</main>\n").append(foot()).append("</body></html>\n").toString();
    }

    private static String cardTitle(SiteDecision d) {
        return d.body() + " (" + d.printedRef() + ")";
    }

    /** "Statement Upheld Allocations 05-Feb-2020", as listings print a result. */
    private static String cardMeta(SiteDecision d) {
        String outcome = d.outcome() == null ? "" : d.outcome().split(":")[0] + " ";
        return "Statement " + outcome + d.subcategory() + " " + CARD_DATE.format(d.date());
    }

    /**
     * A decision page drawn from the decision's text: the title line, the header fields as labels and values, the
     * body with its headings, numbered paragraphs and bullets. "Back to top", "Print this page" and the cookie
     * banner of the text are the page's own furniture here, drawn where the site draws them.
     */
    public static String decision(SiteDecision d, Style style) {
        List<String> lines = new ArrayList<>();
        for (String raw : d.text().split("\r?\n")) {
            String line = raw.strip();
            if (line.equalsIgnoreCase("print this page")) {
                break; // the sign-off is over; the rest of a saved text page is its cookie banner
            }
            if (!line.isEmpty() && !line.equalsIgnoreCase("back to top")) {
                lines.add(line);
            }
        }
        StringBuilder b = new StringBuilder(d.text().length() * 2).append(head(d.body() + " (" + d.printedRef() + ")"));
        if (style.bannerFirst()) {
            b.append(COOKIE_BANNER);
        }
        b.append("<nav class=\"breadcrumbs\"><ol><li><a href=\"/\">Home</a></li><li><a href=\"/decisions\">Decisions"
                + "</a></li><li><a href=\"/decisions/").append(d.categorySlug()).append("\">").append(esc(d.category()))
                .append("</a></li></ol></nav>\n<main id=\"main\">\n");
        int i = 0;
        while (i < lines.size() && !SiteDecision.TITLE.matcher(lines.get(i)).matches()) {
            i++; // nothing in the corpus precedes its title; a page that did would lose it here
        }
        String title = i < lines.size() ? lines.get(i++) : d.body() + " (" + d.printedRef() + ")";
        if (style.title() == TitlePlacement.BEFORE_ARTICLE) {
            b.append("<div class=\"decision-title\"><h2>").append(esc(title)).append("</h2></div>\n");
        }
        b.append("<article id=\"article\">\n");
        if (style.title() == TitlePlacement.IN_ARTICLE_HEADER) {
            b.append("<header><h2>").append(esc(title)).append("</h2></header>\n");
        }
        b.append("<div class=\"decision-details\">\n");
        for (; i < lines.size(); i++) {
            Matcher field = SiteDecision.FIELD.matcher(lines.get(i));
            if (!field.matches()) {
                break;
            }
            b.append("<p><span class=\"label\">").append(esc(field.group("name"))).append(" :</span> ")
                    .append("<span class=\"value\">").append(value(d, field.group("name"), field.group("value")))
                    .append("</span></p>\n");
        }
        b.append("</div>\n");
        List<String> body = lines.subList(i, lines.size());
        if (style.contents()) {
            b.append("<ul class=\"contents\">");
            // Real tables of contents list the six or so sections of the staff template, not every subheading.
            for (String line : body.stream().filter(l -> isHeading(l) && !l.endsWith(":")).limit(6).toList()) {
                b.append("<li><a href=\"#").append(slugOf(line)).append("\">").append(esc(line)).append("</a></li>");
            }
            b.append("</ul>\n");
        }
        body(body, b);
        b.append("<p><a class=\"print-link\" href=\"javascript:window.print()\">Print this page</a></p>\n</article>\n"
                + "</main>\n").append(foot());
        if (!style.bannerFirst()) {
            b.append(COOKIE_BANNER);
        }
        return b.append("</body></html>\n").toString();
    }

    /** A header value: the category's two parts are links to their listings, as on the site. */
    private static String value(SiteDecision d, String name, String value) {
        if (!name.equalsIgnoreCase("category")) {
            return esc(value);
        }
        String[] parts = value.split("\\s*>\\s*", 2);
        String cat = "<a href=\"/decisions/" + d.categorySlug() + "\">" + esc(parts[0]) + "</a>";
        return parts.length < 2 ? cat : cat + " &gt; <a href=\"/decisions/" + d.categorySlug() + "/"
                + d.subcategorySlug() + "\">" + esc(parts[1]) + "</a>";
    }

    private static void body(List<String> lines, StringBuilder b) {
        boolean inOl = false;
        boolean inUl = false;
        boolean nested = false;
        boolean seenHeading = false;
        for (String line : lines) {
            Matcher item = ITEM.matcher(line);
            if (item.lookingAt()) {
                String content = esc(line.substring(item.end()).strip());
                boolean numbered = item.group("number") != null || line.startsWith("-");
                if (numbered || !inOl) {
                    if (nested) {
                        b.append("</ul>");
                        nested = false;
                    }
                    if (inOl) {
                        b.append("</li>\n");
                    } else {
                        if (inUl) {
                            b.append("</ul>\n");
                            inUl = false;
                        }
                        b.append("<ol>\n");
                        inOl = true;
                    }
                    b.append("<li>").append(content);
                } else {
                    if (!nested) {
                        b.append("<ul>");
                        nested = true;
                    }
                    b.append("<li>").append(content).append("</li>");
                }
                continue;
            }
            if (inOl) {
                b.append(nested ? "</ul>" : "").append("</li>\n</ol>\n");
                inOl = false;
                nested = false;
            }
            if (isHeading(line)) {
                if (seenHeading) {
                    b.append("<p class=\"back-to-top\"><a href=\"#main\">Back to top</a></p>\n");
                }
                seenHeading = true;
                b.append("<h3 id=\"").append(slugOf(line)).append("\">").append(esc(line)).append("</h3>\n");
            } else {
                b.append("<p>").append(esc(line)).append("</p>\n");
            }
        }
        if (inOl) {
            b.append(nested ? "</ul>" : "").append("</li>\n</ol>\n");
        }
    }

    /** Short lines that do not end a sentence are drawn as headings; the parser reads a line the same either way. */
    private static boolean isHeading(String line) {
        return line.length() <= 60 && !line.endsWith(".") && !line.endsWith(";") && !line.endsWith(",")
                && !line.regionMatches(true, 0, "summary:", 0, 8) && Character.isUpperCase(line.charAt(0))
                && line.split(" ").length <= 9;
    }

    private static String slugOf(String heading) {
        return SiteDecision.slug(heading);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("£", "&pound;").replace("'", "&#39;");
    }
}
