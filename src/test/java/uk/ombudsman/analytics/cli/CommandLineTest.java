package uk.ombudsman.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.SharedSpark;

/** The command line: help, bad options and missing inputs answer in a line with a documented exit code. */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("run"), o.out());
        assertTrue(o.out().contains("Exit codes"), o.out());
        for (String command : new String[] {"run", "nightly"}) {
            assertTrue(o.out().contains("  " + command), command + " is listed: " + o.out());
        }
        assertTrue(o.out().contains("5   nightly: another run holds the lock"), o.out());
        Outcome runHelp = run("run", "--help");
        assertEquals(0, runHelp.code());
        assertTrue(runHelp.out().contains("--input"), runHelp.out());
        assertTrue(runHelp.out().contains("--min-investigations"), runHelp.out());
        Outcome nightlyHelp = run("nightly", "--help");
        assertEquals(0, nightlyHelp.code());
        assertTrue(nightlyHelp.out().contains("--landing") && nightlyHelp.out().contains("--keep"), nightlyHelp.out());
        assertTrue(nightlyHelp.out().contains("--notebooks-command"), nightlyHelp.out());
        assertTrue(runHelp.out().contains("--population-year"), runHelp.out());
    }

    @Test
    void badValuesForTheNightlyRunAreOneLineAndExitCodeTwo() {
        Outcome keep = run("nightly", "--landing", "x", "--root", dir.toString(), "--keep", "0");
        assertEquals(2, keep.code());
        assertEquals("--keep must be at least 1", keep.err().lines().findFirst().orElse(""));
        Outcome notANumber = run("nightly", "--landing", "x", "--root", dir.toString(), "--keep", "many");
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().startsWith("Invalid value for option '--keep'"), notANumber.err());
        Outcome year = run("run", "--input", "x", "--population-year", "2019");
        assertEquals(2, year.code());
        assertEquals("error: --population-year must be one of [2023, 2024], not 2019", year.err().strip());
    }

    @Test
    void aSettingThatIsNotSparksIsRefusedWithTheNameItShouldHave() {
        Outcome o = run("run", "--input", "x", "--conf", "fs.s3a.endpoint=http://127.0.0.1:9000");
        assertEquals(2, o.code());
        assertEquals("error: --conf fs.s3a.endpoint: Spark settings start with 'spark.' (Hadoop's go as "
                + "spark.hadoop.fs.s3a.endpoint)", o.err().strip());
    }

    @Test
    void aBadOptionIsOneLineAndExitCodeTwo() {
        Outcome o = run("run", "--input", "x", "--frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("Unknown option: '--frobnicate'"), o.err());
        assertTrue(!o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aMissingInputIsOneLineAndExitCodeThree() {
        SharedSpark.get();
        Outcome o = run("run", "--input", dir.resolve("missing").toString(), "--output", dir.resolve("o").toString(),
                "--master", "local[2]");
        assertEquals(3, o.code());
        assertEquals("error: input not found: " + dir.resolve("missing"), o.err().strip());
    }
}
