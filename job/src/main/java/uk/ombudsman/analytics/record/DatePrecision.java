package uk.ombudsman.analytics.record;

/** How precisely a decision states a date; a MONTH date is stored as the 1st, a YEAR date as 1 January. */
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR
}
