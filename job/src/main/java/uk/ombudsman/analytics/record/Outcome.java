package uk.ombudsman.analytics.record;

/** The Ombudsman's decision on a complaint, as the LGSCO counts it. */
public enum Outcome {
    UPHELD,
    NOT_UPHELD,
    CLOSED_AFTER_INITIAL_ENQUIRIES,
    OTHER
}
