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
        Outcome runHelp = run("run", "--help");
        assertEquals(0, runHelp.code());
        assertTrue(runHelp.out().contains("--input"), runHelp.out());
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
