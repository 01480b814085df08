package uk.ombudsman.analytics.parsing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The same decision re-encoded the ways real files arrive: BOM, CRLF, Windows-1252, a saved HTML page. */
final class SeedVariants {
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:-|•|\\d+\\.)\\s+(.*)$");
    private static final Pattern HEADING = Pattern.compile("^(The complaint|The Ombudsman's role and powers|"
            + "The Ombudsman’s role and powers|What I found|Agreed action|Final decision|Analysis|What happened|"
            + "How I considered this complaint|What I have investigated|Back to top)$");

    private SeedVariants() {
    }

    static byte[] utf8WithBomAndCrlf(String text) {
        byte[] body = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    static byte[] windows1252(String text) {
        return text.getBytes(Charset.forName("windows-1252"));
    }

    /**
     * The page as the site serves it: navigation, a script, a cookie banner, the header in paragraphs, headings as
     * h2, bullets and numbered paragraphs as list items, entities for the pound sign and apostrophes.
     */
    static String html(String text) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Decision</title>"
                + "<script>window.dataLayer=[];function gtag(){}</script><style>p{margin:0}</style></head><body>"
                + "<div class=\"cookie-banner\"><p>We use cookies. Accept all cookies?</p><button>Accept</button></div>"
                + "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/decisions\">Decisions</a></li></ul></nav>"
                + "<main><article>\n");
        String[] lines = text.split("\r?\n");
        boolean first = true;
        boolean inList = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher item = ITEM.matcher(raw);
            if (item.matches()) {
                if (!inList) {
                    b.append("<ol>\n");
                    inList = true;
                }
                b.append("  <li>").append(escape(item.group(1))).append("</li>\n");
                continue;
            }
            if (inList) {
                b.append("</ol>\n");
                inList = false;
            }
            if (first) {
                b.append("<h1>").append(escape(line)).append("</h1>\n");
                first = false;
            } else if (HEADING.matcher(line).matches()) {
                b.append("<h2>").append(escape(line)).append("</h2>\n");
            } else {
                b.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
        if (inList) {
            b.append("</ol>\n");
        }
        return b.append("</article></main><footer><p>Print this page</p></footer></body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("£", "&pound;")
                .replace("’", "&rsquo;");
    }
}
