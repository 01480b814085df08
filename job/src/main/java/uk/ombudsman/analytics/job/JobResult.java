package uk.ombudsman.analytics.job;

import java.util.List;
import java.util.Map;

/**
 * What a run did, small enough to hold on the driver: counts, stage timings and the headline figures the command
 * line prints. {@code uncertainShare} is the share of decisions with a warning that a value is uncertain;
 * {@code noBody} the decisions that name no body; {@code unknownBodies} the printed names no council matched.
 */
public record JobResult(String output, long filesRead, long decisions, long quarantined,
        Map<String, Long> quarantinedByReason, Map<String, Long> stageMillis, Headline national,
        List<CouncilLine> largestCouncils, Delta delta, Double uncertainShare, long noBody,
        Map<String, Long> unknownBodies) {

    /** A run that found nothing new or changed since the previous one, and so wrote nothing. */
    public static JobResult unchanged(String previous, long filesRead) {
        return new JobResult(previous, filesRead, 0, 0, Map.of(), Map.of(), null, List.of(),
                new Delta(Delta.UNCHANGED, 0, filesRead, 0), null, 0, Map.of());
    }

    public boolean wroteOutput() {
        return !Delta.UNCHANGED.equals(delta.mode());
    }

    /** The share of the files read that went to the quarantine. */
    public double quarantinedShare() {
        return filesRead == 0 ? 0 : (double) quarantined / filesRead;
    }

    /**
     * How the run relates to the previous one.
     *
     * @param mode {@link #FULL}, {@link #INCREMENTAL} or {@link #UNCHANGED}
     * @param parsed files read and parsed by this run
     * @param reused files unchanged since the previous run, whose records were carried over
     * @param removed files of the previous run no longer in the input
     */
    public record Delta(String mode, long parsed, long reused, long removed) {
        public static final String FULL = "full";
        public static final String INCREMENTAL = "incremental";
        public static final String UNCHANGED = "unchanged";
    }

    /** National uphold rate and its interval; rates are null when nothing was investigated. */
    public record Headline(long decisions, long upheld, long notUpheld, Double upholdRate, Double ciLow,
            Double ciHigh) {
    }

    /** One council in the "councils by decisions" table. */
    public record CouncilLine(String council, String bodyType, long decisions, long upheld, Double upholdRate) {
    }
}
