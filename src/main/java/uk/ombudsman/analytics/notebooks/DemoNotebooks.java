package uk.ombudsman.analytics.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import uk.ombudsman.analytics.generate.CorpusGenerator;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;

/**
 * The committed notebooks-export/: the notebooks exported from a generated demo corpus, fixed in size and seed so
 * that making them again gives the same content (which a test checks).
 */
public final class DemoNotebooks {
    public static final int DECISIONS = 3000;
    public static final long SEED = 2026;
    static final String DESCRIPTION = "the demo corpus (" + DECISIONS + " generated decisions, "
            + "`jobs/generate-corpus.sh --decisions " + DECISIONS + " --seed " + SEED + "`): invented decisions in "
            + "the real ones' form, so the figures illustrate the method and say nothing about real councils";

    private DemoNotebooks() {
    }

    /** Generates the corpus in a scratch folder, runs the job on it, exports the notebooks to {@code out}. */
    public static List<Path> make(SparkSession spark, Path out) throws IOException {
        Path work = Files.createTempDirectory("lgsco-demo");
        try {
            return make(spark, out, work);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The same, keeping the corpus and the job's output ({@code work/output}) in {@code work}. */
    public static List<Path> make(SparkSession spark, Path out, Path work) throws IOException {
        new CorpusGenerator(DECISIONS, SEED).writeTo(work.resolve("gen"));
        Path output = work.resolve("output");
        new DecisionJob(spark, new JobConfig(work.resolve("gen").resolve(CorpusGenerator.CORPUS).toString(),
                output.toString(), null), JobProgress.SILENT).run();
        return NotebookExporter.export(spark, output.toUri().toString(), out, DESCRIPTION);
    }
}
