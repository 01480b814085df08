package uk.ombudsman.analytics.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.fetch.Fetcher;

/** {@code fetch}: the Ombudsman's published decisions, from its website into a folder the job reads. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch the decisions the Ombudsman publishes on its website into OUT/decisions/<category>/"
                + "<subcategory>/<ref>.html, pages exactly as served, by searching one month of decision dates at a "
                + "time. Pages already in OUT are never fetched again; recent months are searched again on each run, "
                + "since decisions are published weeks after they are made. State and a log of every request are in "
                + "OUT/.fetch/.",
            "Polite: robots.txt is obeyed (Disallow, Crawl-delay), one request at a time, at most --rate a second.",
            "Exit codes: 0 done, 1 network failure or stopped (run again: it resumes), 2 bad options, 4 OUT not "
                + "writable, 5 another fetch into OUT is running, " + Fetcher.EXIT_REFUSED + " the site refused or has "
                + "changed (a search page with neither its count nor results, 403, 429 or 503 past the retries, "
                + "robots.txt forbidding the search, decision pages in a row that are not decision pages), "
                + Fetcher.EXIT_INCOMPLETE + " incomplete (a month whose listing never reached the search's count, a "
                + "decision page not kept, --max-time up: what was fetched is kept, run again)."})
public final class FetchCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the pages go (the job's input) and the fetch's state (DIR/.fetch).")
    Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "First decision date to search (default: " + Fetcher.REREAD_MONTHS + " months before the "
                    + "last month a past run completed, or " + Fetcher.PUBLICATION_START_TEXT + " on a first run).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last decision date to search (default: today).")
    LocalDate to;

    @CommandLine.Mixin
    SiteOptions site;

    @Option(names = "--probe", description = "Instead of fetching, ask the site the dozen questions the fetch's "
            + "assumptions rest on (robots.txt, the session, pages 1 and 2 of a busy month, a month with no results, "
            + "a page past the end, a decision page, a removed decision), keep the raw answers and a report in "
            + "OUT/.fetch/probe-<time>/, say which assumption held, and exit " + Fetcher.EXIT_REFUSED + " if one the "
            + "fetch relies on did not. Run it first against a site you have not fetched from.")
    boolean probe;

    @Option(names = "--verbose", description = "Full stack traces on failure.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (probe) {
            return site.probe(out, spec.commandLine().getOut(), spec);
        }
        site.fetch(out, from, to, quiet ? null : spec.commandLine().getErr(), quiet ? null : spec.commandLine().getOut(),
                spec);
        return 0;
    }
}
