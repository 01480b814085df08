package uk.ombudsman.analytics.job;

import java.nio.file.Path;

/**
 * What one run of the job reads and writes.
 *
 * @param input a folder or file of decisions: a local path or any Hadoop URI (hdfs://, s3a://, file:/)
 * @param output the output folder, replaced atomically
 * @param councilsFile a CSV that extends or overrides the bundled councils list, or null
 * @param previous the output of an earlier run to build on incrementally (only new and changed files are parsed),
 *     or null for a full run
 * @param trackChanges whether to write what changed since {@code previous} ({@code changes.csv}): the nightly view
 * @param reports how the reports are figured
 */
public record JobConfig(String input, String output, Path councilsFile, String previous, boolean trackChanges,
        ReportSettings reports) {
    public JobConfig {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("an input path is required");
        }
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("an output path is required");
        }
        if (reports == null) {
            throw new IllegalArgumentException("report settings are required");
        }
    }

    /** A full run, as the {@code run} command does it. */
    public JobConfig(String input, String output, Path councilsFile) {
        this(input, output, councilsFile, null, false, ReportSettings.DEFAULT);
    }
}

