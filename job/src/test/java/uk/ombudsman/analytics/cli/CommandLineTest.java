package uk.ombudsman.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.cli.Commands.Outcome;

/** The command line: help, bad options and missing inputs answer in a line with a documented exit code. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Outcome o = Commands.run("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("run"), o.out());
        assertTrue(o.out().contains("Exit codes"), o.out());
        for (String command : new String[] {"run", "nightly"}) {
            assertTrue(o.out().contains("  " + command), command + " is listed: " + o.out());
        }
        assertTrue(o.out().contains("5   " + ExitCode.LOCKED.meaning().substring(0, 30)), o.out());
        Outcome runHelp = Commands.run("run", "--help");
        assertEquals(0, runHelp.code());
        assertTrue(runHelp.out().contains("--input"), runHelp.out());
        assertTrue(runHelp.out().contains("--min-investigations"), runHelp.out());
        Outcome nightlyHelp = Commands.run("nightly", "--help");
        assertEquals(0, nightlyHelp.code());
        assertTrue(nightlyHelp.out().contains("--landing") && nightlyHelp.out().contains("--keep"), nightlyHelp.out());
        assertTrue(nightlyHelp.out().contains("--notebooks-command"), nightlyHelp.out());
        assertTrue(runHelp.out().contains("--population-year"), runHelp.out());
    }

    @Test
    void badValuesForTheNightlyRunAreOneLineAndExitCodeTwo() {
        Outcome keep = Commands.run("nightly", "--landing", "x", "--root", dir.toString(), "--keep", "0");
        assertEquals(2, keep.code());
        assertEquals("--keep must be at least 1", keep.err().lines().findFirst().orElse(""));
        Outcome notANumber = Commands.run("nightly", "--landing", "x", "--root", dir.toString(), "--keep", "many");
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().startsWith("Invalid value for option '--keep'"), notANumber.err());
        Outcome year = Commands.run("run", "--input", "x", "--population-year", "2019");
        assertEquals(2, year.code());
        assertEquals("error: --population-year must be one of [2023, 2024], not 2019", year.err().strip());
    }

    @Test
    void aSettingThatIsNotSparksIsRefusedWithTheNameItShouldHave() {
        Outcome o = Commands.run("run", "--input", "x", "--conf", "fs.s3a.endpoint=http://127.0.0.1:9000");
        assertEquals(2, o.code());
        assertEquals("error: --conf fs.s3a.endpoint: Spark settings start with 'spark.' (Hadoop's go as "
                + "spark.hadoop.fs.s3a.endpoint)", o.err().strip());
    }

    @Test
    void aBadOptionIsOneLineAndExitCodeTwo() {
        Outcome o = Commands.run("run", "--input", "x", "--frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("Unknown option: '--frobnicate'"), o.err());
        assertTrue(!o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aMissingInputIsOneLineAndExitCodeThree() {
        SharedSpark.get();
        Outcome o = Commands.run("run", "--input", dir.resolve("missing").toString(), "--output",
                dir.resolve("o").toString(), "--master", "local[2]");
        assertEquals(3, o.code());
        assertEquals("error: input not found: " + dir.resolve("missing"), o.err().strip());
    }
}
