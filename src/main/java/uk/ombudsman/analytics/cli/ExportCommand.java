package uk.ombudsman.analytics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.export.AtomicOutput;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobFailure;
import uk.ombudsman.analytics.notebooks.DemoNotebooks;
import uk.ombudsman.analytics.notebooks.NotebookExporter;

/** {@code export}: the analyst notebooks, from a job's output or from the demo corpus. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the analyst notebooks (councils, payments, delays, remedies) as Jupyter notebooks "
                + "(nbformat 4) with their tables and charts rendered, an HTML copy of each, and the charts as PNG.")
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--reports", paramLabel = "OUTPUT", required = true,
                description = "A job's output folder (the one holding reports/ and decisions/).")
        String reports;

        @Option(names = "--demo", required = true,
                description = "Generate the demo corpus, run the job on it, and export from that: how the "
                        + "committed notebooks-export/ is made.")
        boolean demo;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the notebooks.")
    Path out;

    @CommandLine.Mixin
    JobOptions job;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        job.validate();
        SparkSession spark = job.session();
        List<Path> written = source.demo ? DemoNotebooks.make(spark, out)
                : NotebookExporter.export(spark, source.reports, out, describe(spark, source.reports));
        if (!job.quiet) {
            spec.commandLine().getOut().printf("Wrote %d files to %s%n", written.size(), out);
        }
        return 0;
    }

    /** What the output was made from, for the notebooks' header; refuses a folder that is not an output. */
    private static String describe(SparkSession spark, String output) throws IOException {
        org.apache.hadoop.fs.Path manifest = new org.apache.hadoop.fs.Path(output, AtomicOutput.MANIFEST);
        FileSystem fs = manifest.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(manifest)) {
            throw new JobFailure("not a job output (no " + AtomicOutput.MANIFEST + "): " + output,
                    DecisionJob.EXIT_INPUT, null);
        }
        try (InputStream in = fs.open(manifest)) {
            Map<String, Object> m = Manifest.read(in);
            Map<?, ?> counts = (Map<?, ?>) m.get("counts");
            return "the reports of a run over `" + m.get("input") + "` (" + counts.get("decisions")
                    + " decisions, finished " + m.get("finished_at") + ")";
        }
    }
}
