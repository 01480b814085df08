package uk.ombudsman.analytics.export;

/**
 * Every folder and file a run writes, named once: the job's writer, the incremental planner, the nightly runner,
 * the truth check and the tests all find outputs through here. Paths are relative to the output folder.
 */
public final class OutputLayout {
    private OutputLayout() {
    }

    /** Parquet, one row per decision, partitioned by decision year. */
    public static final String DECISIONS = "decisions";
    public static final String DECISIONS_CSV = "decisions.csv";
    /** The sentence behind every extracted value, one row per value: case_ref, field, value, sentence. */
    public static final String EVIDENCE_CSV = "evidence.csv";
    public static final String QUARANTINE = "quarantine";
    public static final String QUARANTINE_CSV = "quarantine.csv";
    /** The folder of the reports, each a Parquet dataset with a CSV beside it. */
    public static final String REPORTS = "reports";
    public static final String QUALITY = "quality";
    /** Every file's digest, and the copies merged away as duplicates: what a nightly run builds on. */
    public static final String FILE_INDEX = "_state/files";
    public static final String SUPERSEDED = "_state/superseded";
    /** The nightly view: changes per council and category (Parquet and CSV), and each changed decision. */
    public static final String CHANGES = "changes";
    public static final String CHANGES_CSV = "changes.csv";
    public static final String CHANGED_DECISIONS_CSV = "changed_decisions.csv";
    /** Executed notebooks, in a nightly run's folder. */
    public static final String NOTEBOOKS = "notebooks";
    /** Written last into every complete output; marks a folder as this job's and whole. */
    public static final String MANIFEST = AtomicOutput.MANIFEST;

    /** A report's Parquet folder, e.g. {@code reports/by_council}. */
    public static String report(String name) {
        return REPORTS + "/" + name;
    }

    /** A report's CSV, e.g. {@code reports/by_council.csv}. */
    public static String reportCsv(String name) {
        return REPORTS + "/" + name + ".csv";
    }
}
