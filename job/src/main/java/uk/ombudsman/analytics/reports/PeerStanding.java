package uk.ombudsman.analytics.reports;

/**
 * How a council's uphold rate stands against the pooled rate of councils of its own type (county, district,
 * unitary, metropolitan, London borough...), as the Ombudsman compares them.
 */
public enum PeerStanding {
    /** The council's whole 95% interval lies above its peers' rate. */
    ABOVE_PEERS,
    /** The whole interval lies below its peers' rate. */
    BELOW_PEERS,
    /** The interval includes the peers' rate: no evidence of a difference. */
    IN_LINE_WITH_PEERS,
    /** Fewer investigations than the minimum: too few to rank, whatever the rate. */
    TOO_FEW_TO_RANK,
    /** A care provider or other body: not ranked against councils. */
    NOT_A_COUNCIL
}
