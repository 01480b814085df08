package uk.ombudsman.analytics.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The jobs/ scripts run as a user runs them: real processes, output to a file, a deadline. */
final class Scripts {
    static final Path JOBS = Path.of("jobs").toAbsolutePath();

    private Scripts() {
    }

    /** Starts a script; stdout and stderr go together to {@code log}. */
    static Process start(Path log, Map<String, String> env, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JOBS.resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("DRIVER_MEMORY", "1g");
        return pb.start();
    }

    /** Runs a script to the end and returns its exit code. */
    static int run(Path log, Map<String, String> env, Duration timeout, String script, String... args)
            throws IOException, InterruptedException {
        return finish(start(log, env, script, args), timeout, log);
    }

    static int finish(Process p, Duration timeout, Path log) throws InterruptedException, IOException {
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + timeout + "; output:\n" + read(log));
        }
        return p.exitValue();
    }

    static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until a condition holds, polling; fails with the log when it never does. */
    static void await(BooleanSupplier condition, Duration timeout, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; output:\n" + read(log));
            }
            Thread.sleep(100);
        }
    }

    /** Every report CSV and decisions.csv and quarantine.csv of two outputs are byte for byte the same. */
    static void assertSameCsvs(Path expected, Path actual) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.walk(expected)) {
            names = s.filter(p -> p.toString().endsWith(".csv")).map(p -> expected.relativize(p).toString())
                    .sorted().toList();
        }
        assertTrue(names.size() >= 13, "the outputs have their CSVs: " + names);
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                    name + " differs");
        }
        try (Stream<Path> s = Files.walk(actual)) {
            assertEquals(names.size(), s.filter(p -> p.toString().endsWith(".csv")).count());
        }
    }
}
