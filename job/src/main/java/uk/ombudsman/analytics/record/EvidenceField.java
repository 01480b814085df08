package uk.ombudsman.analytics.record;

/** The extracted fields whose value keeps the sentence it was read from (payments keep theirs in each payment). */
public enum EvidenceField {
    OUTCOME,
    DELAY_FAULT,
    REMEDY_DEADLINE_DAYS,
    COMPLAINT_DATE,
    REMEDIED_BEFORE,
    SHARED_WITH,
    OTHERS_AFFECTED
}
