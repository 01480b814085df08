package uk.ombudsman.analytics.fetch;

/** What became of a decision a search listed. */
public enum DecisionStatus {
    /** Fetched now and written. */
    FETCHED,
    /** Its page was already in the output folder: never fetched again. */
    ALREADY_HAD,
    /** The site answered 404 or 410 (taken down, as decisions are after about five years), now or on a past run. */
    WITHDRAWN,
    /** robots.txt disallows its path. */
    DISALLOWED
}
