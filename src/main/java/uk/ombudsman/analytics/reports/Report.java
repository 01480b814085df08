package uk.ombudsman.analytics.reports;

import java.util.List;

/** The reports a run writes under {@code reports/}: each a Parquet dataset and one CSV, sorted by its keys. */
public enum Report {
    NATIONAL("national"),
    BY_COUNCIL("by_council", Columns.COUNCIL, Columns.BODY_TYPE, Columns.REGION),
    BY_CATEGORY("by_category", Columns.CATEGORY),
    BY_SUBCATEGORY("by_subcategory", Columns.CATEGORY, Columns.SUBCATEGORY),
    BY_SERVICE_AREA("by_service_area", Columns.SERVICE_AREA),
    BY_COUNCIL_CATEGORY("by_council_category", Columns.COUNCIL, Columns.CATEGORY),
    BY_YEAR("by_year", Columns.DECISION_YEAR),
    BY_CATEGORY_YEAR("by_category_year", Columns.CATEGORY, Columns.DECISION_YEAR),
    BY_BODY_TYPE("by_body_type", Columns.BODY_TYPE),
    REMEDIES("remedies", Columns.CATEGORY, Columns.REMEDY);

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

    /** Group keys, which are also the sort order of the CSV. */
    public List<String> keys() {
        return keys;
    }
}
