package uk.ombudsman.analytics.reading;

/**
 * Literal checks that keep a model off sentences that cannot hold what it looks for: most sentences of a decision
 * never speak of time, and a model costs more than a scan.
 */
public final class Screens {
    /** A part of every wording of delay or time taken seen in the labelled sentences. */
    private static final String[] TIME = {"delay", "Delay", "long", "took", "time", "prompt", "month", "week", "year",
        "overdue", "drift", "slow", "late", "wait", "until", "since", "earlier", "sooner", "days"};

    private Screens() {
    }

    public static boolean mayMentionDelay(String sentence) {
        for (String w : TIME) {
            if (sentence.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
