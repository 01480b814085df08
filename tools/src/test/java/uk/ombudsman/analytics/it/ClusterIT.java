package uk.ombudsman.analytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.generate.CorpusGenerator;

/**
 * The job jar submitted with jobs/submit.sh to a live standalone cluster of two Workers, started by
 * jobs/local-cluster.sh: its reports equal a local run's byte for byte, even when an executor is killed mid-run.
 */
class ClusterIT {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    static Path dir;
    static Path state;
    static Map<String, String> env;
    static String master;
    static Path corpus;
    static Path localOut;

    @BeforeAll
    static void startClusterAndRunLocally() throws IOException, InterruptedException {
        state = dir.resolve("cluster");
        env = Map.of("LOCAL_CLUSTER_STATE", state.toString());
        Path log = dir.resolve("start.log");
        int code = Scripts.run(log, env, Duration.ofMinutes(3), "local-cluster.sh", "start", "--workers", "2");
        assertEquals(0, code, Scripts.read(log));
        master = Files.readString(state.resolve("master-url")).strip();
        assertTrue(master.startsWith("spark://127.0.0.1:"), master);

        // Large enough that the parse stage runs many tasks on both executors.
        new CorpusGenerator(3000, 11).writeTo(dir.resolve("gen"));
        corpus = dir.resolve("gen").resolve(CorpusGenerator.CORPUS);
        localOut = dir.resolve("local");
        JobRuns.run(corpus, localOut);
    }

    @AfterAll
    static void stopCluster() throws IOException, InterruptedException {
        Path log = dir.resolve("stop.log");
        assertEquals(0, Scripts.run(log, env, Duration.ofMinutes(1), "local-cluster.sh", "stop"), Scripts.read(log));
        assertTrue(executors().isEmpty(), "stop leaves no executor of ours running");
    }

    @Test
    void inClusterModeTheDriverRunsOnAWorkerAndWritesTheSameReports() throws IOException, InterruptedException {
        Path seedsLocal = dir.resolve("seeds-local");
        JobRuns.run(JobRuns.SEEDS, seedsLocal);
        Path out = dir.resolve("cluster-mode-out");
        Path log = dir.resolve("submit-cluster-mode.log");
        int code = Scripts.run(log, env, JOB_TIMEOUT, "submit.sh", "--master", master, "--deploy-mode", "cluster",
                "--input", JobRuns.SEEDS.toAbsolutePath().toString(), "--output", out.toString());
        assertEquals(0, code, Scripts.read(log));
        try (Stream<Path> work = Files.walk(state.resolve("work"), 2)) {
            assertTrue(work.anyMatch(p -> p.getFileName().toString().startsWith("driver-")), "a Worker ran the driver");
        }
        Scripts.assertSameCsvs(seedsLocal, out);
    }

    /**
     * A client-mode run with an executor killed mid-task writes a local run's reports. One run checks both: an
     * undisturbed run of the same corpus cost a minute of CI and asserted nothing this one does not (the cluster-mode
     * test above is the run with no executor lost).
     */
    @Test
    void killingAnExecutorMidRunStillSucceedsWithTheSameReports() throws IOException, InterruptedException {
        Path out = dir.resolve("killed-out");
        Path log = dir.resolve("submit-killed.log");
        Process job = Scripts.start(log, env, "submit.sh", "--master", master, "--executor-memory", "1g",
                "--input", corpus.toString(), "--output", out.toString());
        // Kill an executor while it is running one of this job's tasks.
        Path[] busy = new Path[1];
        Scripts.await(() -> (busy[0] = executorRunningATask().orElse(null)) != null, Duration.ofMinutes(2), log);
        long pid = Long.parseLong(busy[0].getFileName().toString());
        ProcessHandle executor = ProcessHandle.of(pid).orElseThrow();
        executor.destroyForcibly();
        System.out.println("ClusterIT: killed executor pid " + pid + " while it ran a task");

        int code = Scripts.finish(job, JOB_TIMEOUT, log);
        String output = Scripts.read(log);
        assertEquals(0, code, output);
        List<String> seen = output.lines().filter(l -> l.contains("Lost executor") || l.contains("ExecutorLost")
                || l.contains("Lost task")).toList();
        seen.forEach(l -> System.out.println("ClusterIT driver: " + l));
        assertTrue(!seen.isEmpty(), "the driver saw the executor go: " + output);
        Map<?, ?> config = (Map<?, ?>) JobRuns.manifest(out).get("configuration");
        assertEquals(master, config.get("master"), "the run really went to the cluster");
        Scripts.assertSameCsvs(localOut, out);
    }

    /** The /proc entries of executors started by this cluster (their working folder is under its state). */
    private static List<Path> executors() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("cmdline")).contains("CoarseGrainedExecutorBackend")
                                    && Files.readSymbolicLink(p.resolve("cwd")).startsWith(state);
                        } catch (IOException | RuntimeException e) {
                            return false; // gone, or not ours to read
                        }
                    }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** An executor whose log shows it running a task right now (started more tasks than it finished). */
    private static Optional<Path> executorRunningATask() {
        for (Path proc : executors()) {
            try {
                Path stderr = Files.readSymbolicLink(proc.resolve("cwd")).resolve("stderr");
                List<String> lines = Files.readAllLines(stderr);
                long started = lines.stream().filter(l -> l.contains("Running task")).count();
                long finished = lines.stream().filter(l -> l.contains("Finished task")).count();
                if (started > finished && started >= 2) {
                    return Optional.of(proc);
                }
            } catch (IOException | RuntimeException e) {
                // not started yet, or already gone
            }
        }
        return Optional.empty();
    }
}
