package uk.ombudsman.analytics.job;

import java.nio.file.Path;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reports.PeerComparison;

/**
 * What one run of the job reads and writes.
 *
 * @param input a folder or file of decisions: a local path or any Hadoop URI (hdfs://, s3a://, file:/)
 * @param output the output folder, replaced atomically
 * @param councilsFile a CSV that extends or overrides the bundled councils list, or null
 * @param previous the output of an earlier run to build on incrementally (only new and changed files are parsed),
 *     or null for a full run
 * @param trackChanges whether to write what changed since {@code previous} ({@code changes.csv}): the nightly view
 * @param minInvestigations below this many investigations a council is marked too few to rank
 * @param populationYear the year of the ONS population estimates behind the per-100,000 figures
 */
public record JobConfig(String input, String output, Path councilsFile, String previous, boolean trackChanges,
        int minInvestigations, int populationYear) {
    public JobConfig {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("an input path is required");
        }
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("an output path is required");
        }
        if (minInvestigations < 1) {
            throw new IllegalArgumentException("the minimum number of investigations must be at least 1");
        }
    }

    /** A full run, as the {@code run} command does it. */
    public JobConfig(String input, String output, Path councilsFile) {
        this(input, output, councilsFile, null, false, PeerComparison.DEFAULT_MIN_INVESTIGATIONS,
                CouncilDirectory.DEFAULT_POPULATION_YEAR);
    }
}

