package uk.ombudsman.analytics.notebooks;

/** The HTML copy of a notebook: one self-contained page, charts inline, readable without Jupyter. */
final class Html {
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
            pre{background:#f6f8fa;padding:.8em;overflow-x:auto;font-size:13px}
            .prompt{color:#888;font:12px monospace}
            table.dataframe{border-collapse:collapse;font-size:13px;margin:.5em 0}
            table.dataframe th,table.dataframe td{border:1px solid #ddd;padding:3px 8px;text-align:right}
            table.dataframe th{background:#f0f0f0}
            img{max-width:100%}
            """;

    private Html() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
