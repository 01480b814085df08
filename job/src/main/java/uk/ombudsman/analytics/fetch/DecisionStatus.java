package uk.ombudsman.analytics.fetch;

/** What became of a decision a search listed. */
public enum DecisionStatus {
    /** Fetched now and written. */
    FETCHED("fetched"),
    /** Its page was already in the output folder: never fetched again. */
    ALREADY_HAD("already here"),
    /**
     * The site answered 404 or 410 (taken down, as decisions are after about five years) on two runs at least a day
     * apart: never asked for again.
     */
    WITHDRAWN("withdrawn"),
    /** The site answered 404 or 410, but no run a day or more before had: asked again by the next run. */
    GONE_FOR_NOW("gone for now (asked again later)"),
    /** Its page could not be kept (not the decision's page, too large, redirected away): asked again next run. */
    FAILED("not kept (asked again next run)"),
    /** robots.txt disallows its path. */
    DISALLOWED("disallowed by robots.txt");

    private final String words;

    DecisionStatus(String words) {
        this.words = words;
    }

    /** How a progress line says it. */
    public String words() {
        return words;
    }
}
