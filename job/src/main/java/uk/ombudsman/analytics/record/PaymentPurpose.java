package uk.ombudsman.analytics.record;

/** What a remedy payment is for. */
public enum PaymentPurpose {
    DISTRESS,
    TIME_AND_TROUBLE,
    FINANCIAL_LOSS,
    LOSS_OF_SERVICE,
    OTHER
}
