package uk.ombudsman.analytics.reports;

import java.util.List;

/** The reports a run writes under {@code reports/}: each a Parquet dataset and one CSV, sorted by its keys. */
public enum Report {
    NATIONAL("national") {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            // An empty corpus still has a national row of zeros.
            return grouped.rows().isEmpty() ? ReportBuilder.withZeroRow(grouped) : grouped;
        }
    },
    BY_COUNCIL("by_council", Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION, Columns.GSS_CODE) {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            return PeerComparison.addTo(grouped, f.councils(), f.minInvestigations());
        }
    },
    /**
     * As by_council, with each council abolished into one successor counted under that successor (a council split
     * between two keeps its own row): a trend over years follows one area.
     */
    BY_CURRENT_COUNCIL("by_current_council", Columns.CURRENT_COUNCIL, ReportBuilder.CURRENT_BODY_TYPE,
            ReportBuilder.CURRENT_REGION, ReportBuilder.CURRENT_GSS_CODE) {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            return PeerComparison.addTo(ReportBuilder.asCouncils(grouped), f.councils(), f.minInvestigations());
        }
    },
    BY_CATEGORY("by_category", Columns.CATEGORY),
    BY_SUBCATEGORY("by_subcategory", Columns.CATEGORY, Columns.SUBCATEGORY),
    BY_SERVICE_AREA("by_service_area", Columns.SERVICE_AREA),
    BY_COUNCIL_CATEGORY("by_council_category", Columns.COUNCIL, Columns.CATEGORY),
    BY_YEAR("by_year", Columns.DECISION_YEAR),
    BY_CATEGORY_YEAR("by_category_year", Columns.CATEGORY, Columns.DECISION_YEAR) {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            return Trends.addTo(grouped, f.basis());
        }
    },
    BY_BODY_TYPE("by_body_type", Columns.BODY_TYPE),
    REMEDIES("remedies", Columns.CATEGORY, Columns.REMEDY) {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            return ReportBuilder.remedies(f.decisions(), f.basis());
        }
    },
    /** The Ombudsman's measures per council and year, against the average of similar authorities. */
    COUNCIL_PERFORMANCE("council_performance", Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION, Columns.GSS_CODE,
            Columns.DECISION_YEAR) {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            return CouncilPerformance.addTo(grouped, f.councils(), f.basis());
        }
    },
    /** This project's national figures per year beside the Ombudsman's published ones. */
    RECONCILIATION("reconciliation") {
        @Override
        ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
            return Reconciliation.build(f.finished().get(COUNCIL_PERFORMANCE), f.basis(), f.published(),
                    f.councils());
        }
    };

    private final String folder;
    private final List<String> keys;

    Report(String folder, String... keys) {
        this.folder = folder;
        this.keys = List.of(keys);
    }

    /**
     * What a report's finishing step may use: the decisions, the run's settings and the reports finished before it
     * (in this enum's order).
     */
    record Finishing(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> decisions,
            uk.ombudsman.analytics.reference.CouncilDirectory councils, int minInvestigations, YearBasis basis,
            PublishedFigures published, java.util.Map<Report, ReportBuilder.Table> finished) {
    }

    /**
     * The report made whole from its group of the one aggregation (null for a report that is not one): peers,
     * trends, the Ombudsman's measures. Most reports are their group as it is.
     */
    ReportBuilder.Table finish(ReportBuilder.Table grouped, Finishing f) {
        return grouped;
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
