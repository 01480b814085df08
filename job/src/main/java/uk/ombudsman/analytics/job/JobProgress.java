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
        /** Duplicates merged, the reports, quality and changes computed. */
        BUILD_TABLES,
        /** Every output written into the staging folder, several at once. */
        WRITE_OUTPUTS,
        /** The manifest written and the output put in place. */
        PUBLISH;

        /** How the command line prints the stage; scripts and tests wait for it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
