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
    COMPLAINT_DATE_AFTER_DECISION,
    /** Delay at fault was read from the summary alone: the least precise part of a decision. */
    DELAY_FROM_SUMMARY_ONLY,
    /** The remedy part names a sum that was not counted as a payment (a rate, a repayment, an offer, a range...). */
    UNCOUNTED_AMOUNT,
    /** Money is to be paid as the remedy, but the decision prints no sum: a payment with no amount. */
    PAYMENT_AMOUNT_NOT_STATED,
    /** Several dates on which the complainant complained were found; the earliest was taken. */
    COMPLAINT_DATE_AMBIGUOUS
}
