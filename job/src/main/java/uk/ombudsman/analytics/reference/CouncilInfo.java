package uk.ombudsman.analytics.reference;

import java.io.Serializable;
import java.util.List;
import uk.ombudsman.analytics.record.BodyType;

/**
 * One body from the reference list: canonical name, type, English region, ONS (GSS) code, population of the chosen
 * year where known, status ("current", "abolished 2023") and, for an abolished council, the council or councils that
 * now answer for its area.
 */
public record CouncilInfo(String name, BodyType bodyType, String region, String gssCode, Long population,
        String status, List<String> successors) implements Serializable {
    public CouncilInfo {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    public boolean abolished() {
        return status != null && status.startsWith("abolished");
    }

    /** The successors as one cell: "Cumberland Council; Westmorland and Furness Council". */
    public String successorNames() {
        return successors.isEmpty() ? null : String.join("; ", successors);
    }
}
