package uk.ombudsman.analytics.record;

/** The kind of body complained about; councils are compared with peers of the same type. */
public enum BodyType {
    COUNTY,
    DISTRICT,
    LONDON_BOROUGH,
    METROPOLITAN,
    UNITARY,
    CARE_PROVIDER,
    OTHER
}
