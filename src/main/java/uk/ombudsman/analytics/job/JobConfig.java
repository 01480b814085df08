package uk.ombudsman.analytics.job;

import java.nio.file.Path;

/**
 * What one run of the job reads and writes.
 *
 * @param input a folder or file of decisions: a local path or any Hadoop URI (hdfs://, s3a://, file:/)
 * @param output the output folder, replaced atomically
 * @param councilsFile a CSV that extends or overrides the bundled councils list, or null
 */
public record JobConfig(String input, String output, Path councilsFile) {
    public JobConfig {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("an input path is required");
        }
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("an output path is required");
        }
    }
}
