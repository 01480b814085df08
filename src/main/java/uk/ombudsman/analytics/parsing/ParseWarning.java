package uk.ombudsman.analytics.parsing;

/** What the parser could not determine for a record; stored by name in {@code parse_warnings}. */
public enum ParseWarning {
    NO_CASE_REF,
    NO_CATEGORY,
    NO_OUTCOME,
    UNKNOWN_OUTCOME,
    OUTCOME_INFERRED,
    NO_DECISION_DATE,
    NO_SUMMARY,
    UNKNOWN_BODY,
    NO_COMPLAINT_DATE,
    NO_REMEDY_FOR_UPHELD,
    COMPLAINT_DATE_AFTER_DECISION
}
