package uk.ombudsman.analytics.job;

/** Told when the job enters each stage, so a command line can show where a long run is. */
@FunctionalInterface
public interface JobProgress {
    JobProgress SILENT = stage -> {
    };

    void stage(Stage stage);

    /** While files are read and parsed: how many of them are done (updated as Spark tasks finish). */
    default void files(long done, long total) {
    }

    /** The stages of a run, in order. */
    enum Stage {
        READ_AND_PARSE,
        WRITE_DECISIONS,
        WRITE_QUARANTINE,
        WRITE_CHANGES,
        WRITE_REPORTS,
        PUBLISH
    }
}
