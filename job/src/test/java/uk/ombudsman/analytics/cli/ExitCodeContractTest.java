package uk.ombudsman.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.ombudsman.analytics.base.ExitCode;

/** Exit codes are spelled once, in ExitCode: the help of every command and README's table are held to it. */
class ExitCodeContractTest {
    private static final Pattern HELP_ENTRY = Pattern.compile("^\\s+(\\d+)\\s{2,}(\\S.*)$");

    @Test
    void everyCommandsHelpListsTheCodesItReturnsWithTheirOneMeaning() {
        CommandLine cli = Main.commandLine();
        Map<String, CommandLine> commands = new LinkedHashMap<>(cli.getSubcommands());
        commands.put("(top)", cli);
        for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
            Map<String, String> expected = new LinkedHashMap<>();
            ((Returns) c.getValue().getCommand()).exitCodes().forEach(code -> expected.put(
                    Integer.toString(code.code()), code.meaning()));
            assertEquals(expected, helpExitCodes(c.getValue().getUsageMessage()), c.getKey());
        }
        assertEquals(List.of(ExitCode.values()), ((Returns) cli.getCommand()).exitCodes());
    }

    @Test
    void theFetchNeverSaysItRanIntoInputOrQuarantineAndTheRunNeverIntoTheSite() {
        Map<String, CommandLine> sub = Main.commandLine().getSubcommands();
        List<ExitCode> fetch = ((Returns) sub.get("fetch").getCommand()).exitCodes();
        List<ExitCode> run = ((Returns) sub.get("run").getCommand()).exitCodes();
        assertFalse(fetch.contains(ExitCode.INPUT) || fetch.contains(ExitCode.QUARANTINE), fetch.toString());
        assertFalse(run.contains(ExitCode.REFUSED) || run.contains(ExitCode.INCOMPLETE), run.toString());
    }

    @Test
    void readmesTableIsTheEnumRowForRow() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("| code | meaning |");
        assertFalse(start < 0, "README has no exit-code table");
        Map<String, String> table = new LinkedHashMap<>();
        readme.substring(start).lines().skip(2).takeWhile(l -> l.startsWith("|")).forEach(l -> {
            String[] cells = l.split("\\|");
            table.put(cells[1].strip(), cells[2].strip());
        });
        Map<String, String> expected = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            expected.put(Integer.toString(c.code()), c.meaning());
        }
        assertEquals(expected, table);
        assertEquals(1, Pattern.compile("\\| code \\| meaning \\|").matcher(readme).results().count(),
                "one exit-code table in README");
    }

    @Test
    void noScriptOfTheJavaCommandsListsExitCodesOfItsOwn() throws IOException {
        // Their help is the Java command's; only the notebook scripts, which start no Java command, have codes.
        try (Stream<Path> scripts = Files.list(Path.of("jobs"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                String text = Files.readString(script);
                if (text.contains("$MAIN_CLASS") || text.contains("$TOOLS_MAIN")) {
                    assertFalse(Pattern.compile("Exit codes: \\d").matcher(text).find(), script.toString());
                }
            }
        }
    }

    @Test
    void noTwoConstantsShareACodeOrAMeaning() {
        List<ExitCode> all = List.of(ExitCode.values());
        assertEquals(all.size(), all.stream().map(ExitCode::code).distinct().count());
        assertEquals(all.size(), all.stream().map(ExitCode::meaning).distinct().count());
    }

    /** The "Exit codes:" section of a usage message: code to meaning, wrapped lines joined. */
    private static Map<String, String> helpExitCodes(String usage) {
        int at = usage.indexOf("Exit codes:");
        assertFalse(at < 0, usage);
        Map<String, String> codes = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(usage.substring(at).lines().skip(1).toList());
        String code = null;
        for (String line : lines) {
            Matcher m = HELP_ENTRY.matcher(line);
            if (m.matches()) {
                code = m.group(1);
                codes.put(code, m.group(2).strip());
            } else if (code != null && !line.isBlank()) {
                codes.merge(code, line.strip(), (a, b) -> a + " " + b);
            } else if (line.isBlank()) {
                code = null;
            }
        }
        return codes;
    }
}
