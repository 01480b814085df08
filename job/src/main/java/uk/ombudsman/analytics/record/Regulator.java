package uk.ombudsman.analytics.record;

/** A regulator the Ombudsman says it shares a decision with. */
public enum Regulator {
    /** The Office for Standards in Education, Children's Services and Skills. */
    OFSTED,
    /** The Care Quality Commission. */
    CQC
}
