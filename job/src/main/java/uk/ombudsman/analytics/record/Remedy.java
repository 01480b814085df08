package uk.ombudsman.analytics.record;

/**
 * Kinds of remedy a decision asks for. Declaration order is the order remedies are listed in outputs: personal
 * remedies first, then changes for everyone.
 */
public enum Remedy {
    APOLOGY,
    PAYMENT,
    ACTION_FOR_COMPLAINANT,
    SERVICE_IMPROVEMENT,
    OTHER
}
