package uk.ombudsman.analytics.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a robots.txt for one crawler (RFC 9309): the group naming the crawler's product token, or else the
 * {@code *} group; Allow and Disallow matched on the path and query with {@code *} and {@code $}, the longest match
 * deciding and Allow winning a tie; and Crawl-delay, which RFC 9309 leaves out but many sites use, in seconds.
 * Patterns are matched without a regular expression, in time linear in the path for each {@code *}: a rule of many
 * stars made a backtracking regex take seconds a request.
 */
final class RobotsTxt {
    static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), Duration.ZERO);

    private record Rule(boolean allow, String path) {
        /** Whether the rule matches a prefix of the path (the whole path when it ends in {@code $}). */
        boolean matches(String pathAndQuery) {
            boolean anchored = path.endsWith("$");
            return globMatches(anchored ? path.substring(0, path.length() - 1) : path, pathAndQuery, anchored);
        }
    }

    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        Duration crawlDelay = Duration.ZERO;
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    static RobotsTxt parse(String text, String productToken) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean inAgents = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (current == null || !inAgents) {
                        current = new Group();
                        groups.add(current);
                    }
                    current.agents.add(value.toLowerCase(Locale.ROOT));
                    inAgents = true;
                }
                case "allow", "disallow" -> {
                    inAgents = false;
                    if (current != null && !value.isEmpty()) {
                        current.rules.add(new Rule(key.equals("allow"), value));
                    }
                }
                case "crawl-delay" -> {
                    inAgents = false;
                    if (current != null) {
                        current.crawlDelay = max(current.crawlDelay, seconds(value));
                    }
                }
                default -> {
                    // Sitemap and other lines belong to no group and do not end one.
                }
            }
        }
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Group> chosen = groups.stream().filter(g -> g.agents.stream().anyMatch(a -> names(a, token))).toList();
        if (chosen.isEmpty()) {
            chosen = groups.stream().filter(g -> g.agents.contains("*")).toList();
        }
        List<Rule> rules = new ArrayList<>();
        Duration delay = Duration.ZERO;
        for (Group g : chosen) {
            rules.addAll(g.rules);
            delay = max(delay, g.crawlDelay);
        }
        return new RobotsTxt(List.copyOf(rules), delay);
    }

    /** A User-agent line names a crawler by its product token, the name before any version. */
    private static boolean names(String agent, String token) {
        return !agent.equals("*") && agent.split("[/\\s]", 2)[0].equals(token);
    }

    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule r : rules) {
            if (r.matches(pathAndQuery) && (best == null || r.path.length() > best.path.length()
                    || r.path.length() == best.path.length() && r.allow)) {
                best = r;
            }
        }
        return best == null || best.allow;
    }

    /** Zero when robots.txt sets none. */
    Duration crawlDelay() {
        return crawlDelay;
    }

    /**
     * Glob matching with {@code *} as any run of characters: each literal piece between stars is found at its earliest
     * place after the one before (the earliest is always safe, since a star can absorb what lies between), so no
     * choice is ever undone. Unanchored, the pattern need only match a prefix, as if it ended in a star.
     */
    static boolean globMatches(String pattern, String text, boolean anchored) {
        String[] pieces = pattern.split("\\*", -1);
        if (pieces.length == 1) {
            return anchored ? text.equals(pattern) : text.startsWith(pattern);
        }
        if (!text.startsWith(pieces[0])) {
            return false;
        }
        int at = pieces[0].length();
        int last = pieces.length - 1;
        for (int i = 1; i < last; i++) {
            int found = text.indexOf(pieces[i], at);
            if (found < 0) {
                return false;
            }
            at = found + pieces[i].length();
        }
        // The last piece: after a star, so anywhere from here on; anchored, it must end the text.
        return anchored ? text.length() - pieces[last].length() >= at && text.endsWith(pieces[last])
                : text.indexOf(pieces[last], at) >= 0;
    }

    /** A delay in seconds, whole or not; anything unreadable counts as none. */
    private static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s > 0 && s < Duration.ofDays(1).toSeconds() ? Duration.ofMillis(Math.round(s * 1000)) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
