package uk.ombudsman.analytics.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.JobResult;

/** {@code run}: parse a corpus and write every report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Parse a folder of decisions (local path or Hadoop URI) and write decisions, quarantine, "
                + "reports and _manifest.json to the output folder, replacing it only when the run is complete.")
public final class RunCommand implements Callable<Integer>, Returns {
    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Folder (read recursively) or file of decisions: text or HTML, any Hadoop URI.")
    String input;

    @Option(names = "--output", defaultValue = "output", paramLabel = "PATH",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    String output;

    @CommandLine.Mixin
    JobOptions job;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.INPUT, ExitCode.OUTPUT);
    }

    @Override
    public Integer call() {
        job.validate();
        long start = System.nanoTime();
        JobConfig config = new JobConfig(input, output, job.councils, null, false, job.reports());
        JobProgress progress = job.quiet ? JobProgress.SILENT : JobOptions.stageLines(spec.commandLine().getErr(), start);
        JobResult result = new DecisionJob(job.session(), config, progress).run();
        if (!job.quiet) {
            Summary.print(result, (System.nanoTime() - start) / 1e9, spec.commandLine().getOut());
        }
        return 0;
    }
}
