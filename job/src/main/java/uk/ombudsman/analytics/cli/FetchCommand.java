package uk.ombudsman.analytics.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.fetch.Fetcher;

/** {@code fetch}: the Ombudsman's published decisions, from its website into a folder the job reads. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch the decisions the Ombudsman publishes on its website into OUT/decisions/<category>/"
                + "<subcategory>/<ref>.html, pages exactly as served, by searching one month of decision dates at a "
                + "time. Pages already in OUT are never fetched again; recent months are searched again on each run, "
                + "since decisions are published weeks after they are made. State and a log of every request are in "
                + "OUT/.fetch/.",
            "Polite: robots.txt is obeyed (Disallow, Crawl-delay), one request at a time, at most --rate a second.",
            "The site counts as refusing (exit ${sys:" + ExitCode.HELP + "REFUSED}) on a search page with neither its "
                + "count nor results, 403, 429 or 503 past the retries, robots.txt forbidding the search, or "
                + "decision pages in a row that are not decision pages."})
public final class FetchCommand implements Callable<Integer>, Returns {
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
            + "OUT/.fetch/probe-<time>/, say which assumption held, and exit ${sys:" + ExitCode.HELP + "REFUSED} if one the "
            + "fetch relies on did not. Run it first against a site you have not fetched from.")
    boolean probe;

    @Option(names = "--verbose", description = "Full stack traces on failure.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.OUTPUT, ExitCode.LOCKED, ExitCode.REFUSED, ExitCode.INCOMPLETE);
    }

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
