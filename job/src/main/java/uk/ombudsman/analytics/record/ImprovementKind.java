package uk.ombudsman.analytics.record;

/** What a service improvement changes, in the Ombudsman's sense: a change aimed beyond the complainant. */
public enum ImprovementKind {
    PROCEDURE,
    POLICY,
    TRAINING,
    GUIDANCE_OR_REMINDER,
    REVIEW_OTHER_CASES,
    MONITORING,
    OTHER
}
