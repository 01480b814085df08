package uk.ombudsman.analytics.job;

import java.nio.file.Path;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.PeerComparison;
import uk.ombudsman.analytics.reports.YearBasis;

/**
 * How the reports are figured, the same for a run and a nightly run.
 *
 * @param minInvestigations below this many investigations a council is marked too few to rank
 * @param populationYear the year of the ONS population estimates behind the per-100,000 figures
 * @param yearBasis the years every yearly report counts in
 * @param lgscoCouncilData the Ombudsman's own per-council figures to reconcile with, or null
 */
public record ReportSettings(int minInvestigations, int populationYear, YearBasis yearBasis, Path lgscoCouncilData) {
    /** The defaults: as the Ombudsman counts (financial years), the ONS workbook's populations. */
    public static final ReportSettings DEFAULT = new ReportSettings(PeerComparison.DEFAULT_MIN_INVESTIGATIONS,
            CouncilDirectory.DEFAULT_POPULATION_YEAR, YearBasis.FINANCIAL, null);

    public ReportSettings {
        if (minInvestigations < 1) {
            throw new IllegalArgumentException("the minimum number of investigations must be at least 1");
        }
        if (yearBasis == null) {
            throw new IllegalArgumentException("a year basis is required");
        }
    }
}
