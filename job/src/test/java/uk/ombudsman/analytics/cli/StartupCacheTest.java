package uk.ombudsman.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/lib/common.sh's launch_java and its Java 25 start-up cache, with a stand-in for both JDKs: it logs how it was
 * started and writes what the real JVM and main class would (the recording, the cache, and for a run that exits 0
 * the mark {@link Main} creates), then exits with the code it is given.
 */
class StartupCacheTest {
    private static final Path AOT = Path.of("job/target/aot");
    private static final String STAND_IN = """
            #!/usr/bin/env bash
            if [[ "$1" == -version ]]; then echo 'openjdk version "25.0.1" 2025-10-21' >&2; exit 0; fi
            mode=plain
            for a in "$@"; do
              case "$a" in
                -XX:AOTMode=record) mode=record ;;
                -XX:AOTMode=create) mode=create ;;
                -XX:AOTCache=*) cache="${a#*=}"; [[ $mode == plain ]] && mode=cached ;;
                -XX:AOTConfiguration=*) config="${a#*=}" ;;
                -D%s=*) mark="${a#*=}" ;;
              esac
            done
            echo "$mode" >>"$STAND_IN_LOG"
            case "$mode" in
              record) echo classes >"$config"; if [[ "$STAND_IN_EXIT" == 0 && -n "$mark" ]]; then : >"$mark"; fi ;;
              create) echo cache >"$cache"; exit 0 ;;
            esac
            exit "$STAND_IN_EXIT"
            """.formatted(Main.RECORDING_SUCCEEDED); // the property the launcher must pass: a test of both spellings

    @TempDir
    Path dir;
    private Path log;
    private int seen;

    @BeforeEach
    void standIns() throws IOException {
        for (String folder : List.of("bin", "jdk25")) {
            Path java = Files.createDirectories(dir.resolve(folder)).resolve("java");
            Files.writeString(java, STAND_IN, StandardCharsets.UTF_8);
            java.toFile().setExecutable(true);
        }
        log = dir.resolve("started.log");
        Files.createFile(log);
    }

    @AfterEach
    void removeThisCommandsCaches() throws IOException {
        if (Files.isDirectory(AOT)) {
            try (Stream<Path> files = Files.list(AOT)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("cachetest-")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void aRecordingFromARunThatFailedIsDroppedAndTheNextRunRecordsAgain() throws Exception {
        assertEquals(List.of("plain"), launch(0), "a command's first run: plain Java 17");
        assertEquals(List.of("record"), launch(5), "the second records; it fails (5: refused at the nightly lock)");
        assertEquals(List.of("record"), launch(0), "its recording is dropped: the next run records again");
        assertEquals(List.of("create", "cached"), launch(0), "a whole run's recording: the cache is made and used");
        assertEquals(List.of("cached"), launch(0), "every later run starts from it");
    }

    @Test
    void aRecordingFromARunThatSucceededMakesTheCacheAtTheNextRun() throws Exception {
        assertEquals(List.of("plain"), launch(0));
        assertEquals(List.of("record"), launch(0));
        assertEquals(List.of("create", "cached"), launch(0));
    }

    @Test
    void theMainClassMarksARecordingOnlyForARunThatExitsWithZeroHavingDoneItsWork() {
        Path mark = dir.resolve("recording.ok");
        System.setProperty(Main.RECORDING_SUCCEEDED, mark.toString());
        try {
            picocli.CommandLine run = Main.commandLine();
            run.parseArgs("run", "--input", dir.toString());
            Main.markRecording(5, run.getParseResult());
            assertFalse(Files.exists(mark), "a run refused at the lock (5) leaves no mark");
            picocli.CommandLine help = Main.commandLine();
            help.parseArgs("run", "--help");
            Main.markRecording(0, help.getParseResult());
            assertFalse(Files.exists(mark), "help printed with 0 leaves no mark: its recording holds a few classes");
            Main.markRecording(0, run.getParseResult());
            assertTrue(Files.exists(mark), "a run that exits with 0 marks its recording");
        } finally {
            System.clearProperty(Main.RECORDING_SUCCEEDED);
        }
    }

    /** One launch through launch_java, exiting with {@code exit}; how the stand-in JVMs were started in it. */
    private List<String> launch(int exit) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "source jobs/lib/common.sh && launch_java 64m \"$0\" Fake cachetest", dir.resolve("fake.jar").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("launch.out").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", dir.resolve("bin") + ":" + env.get("PATH"));
        env.put("LGSCO_JAVA25", dir.resolve("jdk25/java").toString());
        env.put("STAND_IN_LOG", log.toString());
        env.put("STAND_IN_EXIT", Integer.toString(exit));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launch_java did not return");
        }
        assertEquals(exit, p.exitValue(), Files.readString(dir.resolve("launch.out")));
        List<String> all = Files.readAllLines(log);
        List<String> started = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();
        return started;
    }
}
