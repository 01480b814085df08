package uk.ombudsman.analytics.job;

import java.util.List;
import java.util.Map;

/**
 * What a run did, small enough to hold on the driver: counts, stage timings and the headline figures the command
 * line prints.
 */
public record JobResult(String output, long filesRead, long decisions, long quarantined,
        Map<String, Long> quarantinedByReason, Map<String, Long> stageMillis, Headline national,
        List<CouncilLine> largestCouncils) {

    /** National uphold rate and its interval; rates are null when nothing was investigated. */
    public record Headline(long decisions, long upheld, long notUpheld, Double upholdRate, Double ciLow,
            Double ciHigh) {
    }

    /** One council in the "councils by decisions" table. */
    public record CouncilLine(String council, String bodyType, long decisions, long upheld, Double upholdRate) {
    }
}
