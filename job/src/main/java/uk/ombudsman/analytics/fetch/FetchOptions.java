package uk.ombudsman.analytics.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What to fetch and how fast.
 *
 * @param site the site's root, e.g. https://www.lgo.org.uk
 * @param out the folder the pages go to (decisions/...) with the fetch's state in its hidden .fetch/ folder
 * @param from first decision date searched, or null for the default (see {@link Fetcher})
 * @param to last decision date searched, or null for today
 * @param rate requests a second at most; robots.txt's Crawl-delay wins where it asks for fewer
 * @param userAgent what the requests say they are ({@link Fetcher#userAgent})
 * @param maxTime after this long no request is started and the run stops (exit {@link
 *     uk.ombudsman.analytics.base.ExitCode#INCOMPLETE}), or null for no limit
 * @param browser a Chromium to render the search in where it answers only a shell to plain requests, or null
 */
public record FetchOptions(URI site, Path out, LocalDate from, LocalDate to, double rate, String userAgent,
        Duration maxTime, Path browser) {
    public static final String DEFAULT_SITE = "https://www.lgo.org.uk";
    /** A request a second: what LDH's scraper chose for this site; the site publishes no rate of its own. */
    public static final double DEFAULT_RATE = 1.0;

    public FetchOptions {
        if (site == null || site.getHost() == null
                || !("https".equals(site.getScheme()) || "http".equals(site.getScheme()))) {
            throw new IllegalArgumentException("--site must be an http or https address, not " + site);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be a number of requests a second above 0, not " + rate);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (maxTime != null && (maxTime.isNegative() || maxTime.isZero())) {
            throw new IllegalArgumentException("--max-time must be above 0, not " + maxTime);
        }
        // A trailing slash would double the one every request path starts with.
        String root = site.toString().replaceAll("/+$", "");
        site = URI.create(root);
    }

    /** With no time limit and no browser. */
    public FetchOptions(URI site, Path out, LocalDate from, LocalDate to, double rate, String userAgent) {
        this(site, out, from, to, rate, userAgent, null, null);
    }
}
