package uk.ombudsman.analytics.reading;

/**
 * Literal checks that keep a model off sentences that cannot hold what it looks for: most sentences of a decision
 * never speak of time, and a model costs more than a scan.
 */
public final class Screens {
    /** A part of every wording of delay or time taken seen in the labelled sentences. */
    private static final String[] TIME = {"delay", "Delay", "long", "took", "time", "prompt", "month", "week", "year",
        "overdue", "drift", "slow", "late", "wait", "until", "since", "earlier", "sooner", "days"};

    /** A part of every wording of money to be paid seen in the labelled sentences that print no sum. */
    private static final String[] MONEY = {"pay", "Pay", "refund", "reimburs", "compensat", "sum", "financial",
        "redress", "money", "symbolic"};

    private Screens() {
    }

    public static boolean mayAskForMoney(String sentence) {
        return containsAny(sentence, MONEY);
    }

    public static boolean mayMentionDelay(String sentence) {
        return containsAny(sentence, TIME);
    }

    /** Whether the text contains any of the literal parts: the cheap check before a costly pattern or model. */
    public static boolean containsAny(String text, String... parts) {
        for (String w : parts) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
