package uk.ombudsman.analytics.reference;

import java.io.Serializable;
import uk.ombudsman.analytics.record.BodyType;

/** One body from the reference list: canonical name, type, English region, ONS code and population where known. */
public record CouncilInfo(String name, BodyType bodyType, String region, String onsCode, Long population, String status)
        implements Serializable {
}
