package uk.ombudsman.analytics.cli;

import java.io.PrintWriter;
import java.util.Map;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.job.Redaction;

/** The short table a run ends with: where the reports are, the national uphold rate, the largest councils. */
final class Summary {
    private Summary() {
    }

    static void print(JobResult r, double seconds, PrintWriter out) {
        out.printf("%nReports written to %s in %.1f s%n", Redaction.uri(r.output()), seconds);
        out.printf("  %d files read: %d decisions, %d quarantined%s%n", r.filesRead(), r.decisions(),
                r.quarantined(), r.quarantined() == 0 ? "" : " " + reasons(r.quarantinedByReason()));
        if (r.uncertainShare() != null) {
            out.printf("  %.1f%% of decisions have a value the parser is unsure of (an inferred outcome, an uncounted "
                    + "sum, ...): see parse_warnings and evidence.csv%n", r.uncertainShare() * 100);
        }
        if (r.noBody() > 0) {
            out.printf("  %d decisions name no body: they count in the national, category and year figures, not as "
                    + "a council%n", r.noBody());
        }
        if (!r.unknownBodies().isEmpty()) {
            out.printf("  %d names match no council on the list and are not care providers (add them with "
                    + "--councils): %s%n", r.unknownBodies().size(), r.unknownBodies().entrySet().stream().limit(5)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(java.util.stream.Collectors.joining(", "))
                    + (r.unknownBodies().size() > 5 ? ", ..." : ""));
        }
        JobResult.Headline n = r.national();
        if (n.upholdRate() != null) {
            out.printf("%nNational uphold rate: %s (95%% CI %s to %s), %d upheld of %d investigated%n",
                    pct(n.upholdRate()), pct(n.ciLow()), pct(n.ciHigh()), n.upheld(), n.upheld() + n.notUpheld());
        } else {
            out.println("\nNational uphold rate: no investigated decisions");
        }
        if (!r.largestCouncils().isEmpty()) {
            out.printf("%nCouncils by decisions%n  %-45s %-15s %9s %7s %8s%n", "council", "type", "decisions",
                    "upheld", "rate");
            for (JobResult.CouncilLine c : r.largestCouncils()) {
                out.printf("  %-45s %-15s %9d %7d %8s%n", truncate(c.council(), 45), c.bodyType(), c.decisions(),
                        c.upheld(), c.upholdRate() == null ? "-" : pct(c.upholdRate()));
            }
        }
        out.flush();
    }

    private static String reasons(Map<String, Long> byReason) {
        StringBuilder b = new StringBuilder("(");
        byReason.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(' ').append(v));
        return b.append(')').toString();
    }

    private static String pct(Double rate) {
        return String.format("%.1f%%", rate * 100);
    }

    private static String truncate(String s, int n) {
        if (s == null) {
            return "(no body named)";
        }
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
