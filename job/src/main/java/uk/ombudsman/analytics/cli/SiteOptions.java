package uk.ombudsman.analytics.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.fetch.DecisionStatus;
import uk.ombudsman.analytics.fetch.FetchOptions;
import uk.ombudsman.analytics.fetch.FetchProgress;
import uk.ombudsman.analytics.fetch.Fetcher;
import uk.ombudsman.analytics.fetch.Politeness;
import uk.ombudsman.analytics.fetch.Probe;
import uk.ombudsman.analytics.fetch.Window;
import uk.ombudsman.analytics.fetch.WindowResult;

/** The options of a fetch from the Ombudsman's site, shared by {@code fetch} and {@code nightly --fetch}. */
final class SiteOptions {
    /** Where the contact comes from when --contact is not given. */
    static final String CONTACT_ENV = "OMBUDSMAN_FETCH_CONTACT";
    /** The Ombudsman's site keeps its dates, and its days, in England. */
    private static final ZoneId SITE_ZONE = ZoneId.of("Europe/London");

    @Option(names = "--site", defaultValue = FetchOptions.DEFAULT_SITE, paramLabel = "URL",
            description = "The Ombudsman's website (default: ${DEFAULT-VALUE}).")
    URI site;

    @Option(names = "--rate", defaultValue = "" + FetchOptions.DEFAULT_RATE, paramLabel = "R",
            description = "At most R requests a second (default: ${DEFAULT-VALUE}); a Crawl-delay in the site's "
                    + "robots.txt wins where it asks for fewer. Keep the default for the real site.")
    double rate;

    @Option(names = "--contact", defaultValue = "${env:" + CONTACT_ENV + "}", paramLabel = "TEXT",
            description = "How the site's operators can reach you (an e-mail address or a web page), sent in the "
                    + "User-Agent (default: $" + CONTACT_ENV + ").")
    String contact;

    @Option(names = "--max-time", paramLabel = "DURATION", converter = MaxTime.class,
            description = "Stop starting requests after this long (e.g. 45m, 2h, 90s) and exit "
                    + "${sys:" + ExitCode.HELP + "INCOMPLETE}; what was fetched is kept and the next run goes on (default: no "
                    + "limit).")
    Duration maxTime;

    @Option(names = "--browser", arity = "0..1", fallbackValue = "chromium", paramLabel = "CHROMIUM",
            description = "Where the search answers only a shell (no count, no result) to plain requests even after "
                    + "a fresh session, render it in this headless Chromium (a path, or a name on PATH; default: "
                    + "chromium, Debian's package) and read the page its scripts leave. Same User-Agent, same pace.")
    String browser;

    /** "45m", "2h", "90s": a whole number and a unit. */
    static final class MaxTime implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*([smh])");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 45m, 2h or 90s");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }

    /** The browser --browser names, found; null without --browser. */
    private Path browser(CommandLine.Model.CommandSpec spec) {
        if (browser == null) {
            return null;
        }
        Path found = uk.ombudsman.analytics.fetch.Browser.find(browser);
        if (found == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--browser: no executable " + browser
                    + " (install Debian's chromium, or give its path)");
        }
        return found;
    }

    /** Runs a fetch, its progress to {@code progressTo} (null for none) and its summary to {@code summaryTo}. */
    void fetch(Path out, LocalDate from, LocalDate to, PrintWriter progressTo, PrintWriter summaryTo,
            CommandLine.Model.CommandSpec spec) {
        long start = System.nanoTime();
        Fetcher.Report r;
        try {
            FetchOptions options = new FetchOptions(site, out, from, to, rate,
                    Fetcher.userAgent(Manifest.applicationVersion(), contact), maxTime, browser(spec));
            FetchProgress progress = progressTo == null ? FetchProgress.SILENT
                    : lines(progressTo, start, contact == null || contact.isBlank());
            r = new Fetcher(options, Politeness.DEFAULT, Clock.system(SITE_ZONE), progress).run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (summaryTo != null) {
            summaryTo.printf("Fetched %,d new decisions (%,d withdrawn, %,d gone for now, %,d not kept, %,d disallowed "
                    + "by robots.txt, %,d already here) dated %s to %s, in %,d requests and %.1f s; pages in %s, state "
                    + "and request log in %s%n",
                    r.count(DecisionStatus.FETCHED), r.count(DecisionStatus.WITHDRAWN),
                    r.count(DecisionStatus.GONE_FOR_NOW), r.count(DecisionStatus.FAILED),
                    r.count(DecisionStatus.DISALLOWED), r.count(DecisionStatus.ALREADY_HAD), r.from(), r.to(),
                    r.requests(), (System.nanoTime() - start) / 1e9, out.resolve("decisions"), out.resolve(".fetch"));
            if (r.count(DecisionStatus.GONE_FOR_NOW) > 0) {
                summaryTo.printf("%,d decisions answered 404 or 410 for the first time: asked again by runs a day or "
                        + "more later before they are recorded as withdrawn%n", r.count(DecisionStatus.GONE_FOR_NOW));
            }
            summaryTo.flush();
        }
        if (!r.complete()) {
            throw r.incomplete();
        }
    }

    /**
     * Runs a probe of the site, printing each assumption and whether it held.
     *
     * @return 0 when every assumption the fetch relies on held, else {@link ExitCode#REFUSED}
     */
    int probe(Path out, PrintWriter summaryTo, CommandLine.Model.CommandSpec spec) {
        Probe.Result r;
        try {
            r = new Probe(new FetchOptions(site, out, null, null, rate,
                    Fetcher.userAgent(Manifest.applicationVersion(), contact), maxTime, null), Politeness.DEFAULT,
                    Clock.system(SITE_ZONE)).run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        for (Probe.Check c : r.checks()) {
            summaryTo.printf("%-4s %s%s: %s%n", c.held() ? "yes" : "NO", c.assumption(),
                    c.reliedOn() ? "" : " (not relied on)", c.seen());
        }
        summaryTo.printf("%s; report and raw answers in %s%n", r.fetchCanRun()
                ? "Every assumption the fetch relies on held" : "An assumption the fetch relies on did NOT hold: "
                        + "do not fetch from this site until the fetch is changed", r.report().getParent());
        summaryTo.flush();
        return (r.fetchCanRun() ? ExitCode.OK : ExitCode.REFUSED).code();
    }

    /** Whether any option of the fetch was given on the command line. */
    static boolean anyGiven(CommandLine.ParseResult parsed) {
        return parsed.hasMatchedOption("--site") || parsed.hasMatchedOption("--rate")
                || parsed.hasMatchedOption("--contact") || parsed.hasMatchedOption("--max-time");
    }

    /**
     * A line per window, and per 25 decisions within a long one, with the time since {@code startNanos}; first, a
     * note when the requests name no contact.
     */
    private static FetchProgress lines(PrintWriter to, long startNanos, boolean noContact) {
        return new FetchProgress() {
            @Override
            public void started(LocalDate from, LocalDate to2, int windows, Duration interval) {
                if (noContact) {
                    to.printf("note: no --contact (or %s): the site's operators cannot tell whom to ask about these "
                            + "requests%n", CONTACT_ENV);
                }
                line(String.format("fetching decisions dated %s to %s: %d months, one request every %.2f s at most",
                        from, to2, windows, interval.toMillis() / 1000.0));
            }

            @Override
            public void decisions(Window window, int done, int toFetch) {
                line(String.format("  %s: %,d of %,d new decisions fetched", window.month(), done, toFetch));
            }

            @Override
            public void windowDone(WindowResult r, int done, int windows) {
                StringBuilder b = new StringBuilder(String.format("  %s (%d of %d months): %,d listed, %,d fetched, "
                        + "%,d already here", r.window().month(), done, windows, r.listed(),
                        r.count(DecisionStatus.FETCHED), r.count(DecisionStatus.ALREADY_HAD)));
                for (DecisionStatus s : List.of(DecisionStatus.WITHDRAWN, DecisionStatus.GONE_FOR_NOW,
                        DecisionStatus.FAILED, DecisionStatus.DISALLOWED)) {
                    if (r.count(s) > 0) {
                        b.append(String.format(", %,d %s", r.count(s), s.words()));
                    }
                }
                if (!r.complete()) {
                    b.append(String.format(" -- INCOMPLETE: the search counts %,d", r.total()));
                }
                line(b.toString());
            }

            @Override
            public void note(String message) {
                line("note: " + message);
            }

            private void line(String text) {
                to.printf("[%5.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, text);
                to.flush();
            }
        };
    }
}
