package uk.ombudsman.analytics.reports;

import java.util.List;

/** The reports a run writes under {@code reports/}: each a Parquet dataset and one CSV, sorted by its keys. */
public enum Report {
    NATIONAL("national"),
    BY_COUNCIL("by_council", Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION, Columns.GSS_CODE),
    /**
     * As by_council, with each council abolished into one successor counted under that successor (a council split
     * between two keeps its own row): a trend over years follows one area.
     */
    BY_CURRENT_COUNCIL("by_current_council", Columns.CURRENT_COUNCIL, ReportBuilder.CURRENT_BODY_TYPE,
            ReportBuilder.CURRENT_REGION, ReportBuilder.CURRENT_GSS_CODE),
    BY_CATEGORY("by_category", Columns.CATEGORY),
    BY_SUBCATEGORY("by_subcategory", Columns.CATEGORY, Columns.SUBCATEGORY),
    BY_SERVICE_AREA("by_service_area", Columns.SERVICE_AREA),
    BY_COUNCIL_CATEGORY("by_council_category", Columns.COUNCIL, Columns.CATEGORY),
    BY_YEAR("by_year", Columns.DECISION_YEAR),
    BY_CATEGORY_YEAR("by_category_year", Columns.CATEGORY, Columns.DECISION_YEAR),
    BY_BODY_TYPE("by_body_type", Columns.BODY_TYPE),
    REMEDIES("remedies", Columns.CATEGORY, Columns.REMEDY),
    /** The Ombudsman's measures per council and year, against the average of similar authorities. */
    COUNCIL_PERFORMANCE("council_performance", Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION, Columns.GSS_CODE,
            Columns.DECISION_YEAR),
    /** This project's national figures per year beside the Ombudsman's published ones. */
    RECONCILIATION("reconciliation");

    private final String folder;
    private final List<String> keys;

    Report(String folder, String... keys) {
        this.folder = folder;
        this.keys = List.of(keys);
    }

    /** The folder (Parquet) and file stem (CSV) under {@code reports/}. */
    public String folder() {
        return folder;
    }

    /** Group keys, which are also the sort order of the CSV; a yearly report's year is the basis's column. */
    public List<String> keys(YearBasis basis) {
        return keys.stream().map(k -> k.equals(Columns.DECISION_YEAR) ? basis.column() : k).toList();
    }

    /** A report with a row per year. */
    public boolean yearly() {
        return keys.contains(Columns.DECISION_YEAR);
    }

    /** A report with a row per council: decisions that name no body never form a row there. */
    public boolean perCouncil() {
        return this == BY_COUNCIL || this == BY_CURRENT_COUNCIL || this == BY_COUNCIL_CATEGORY
                || this == COUNCIL_PERFORMANCE;
    }

    /** Whether the report is one group of the one aggregation over the decisions, or made from other reports. */
    public boolean grouped() {
        return this != REMEDIES && this != RECONCILIATION;
    }

    /** The aggregates the grouped report keeps after its keys. */
    List<String> metrics() {
        if (this != COUNCIL_PERFORMANCE) {
            return Columns.METRICS;
        }
        List<String> m = new java.util.ArrayList<>(List.of(Columns.DECISIONS, Columns.UPHELD, Columns.NOT_UPHELD,
                Columns.UPHOLD_RATE, Columns.UPHOLD_RATE_CI_LOW, Columns.UPHOLD_RATE_CI_HIGH));
        m.addAll(Columns.MEASURE_COUNTS);
        return m;
    }
}
