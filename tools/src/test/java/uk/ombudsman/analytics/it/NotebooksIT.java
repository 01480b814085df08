package uk.ombudsman.analytics.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;

/**
 * The notebooks run by a real Jupyter kernel: the committed export is byte for byte a fresh one (so two executions
 * give the same files), and every notebook runs without a cell error on the bundled sample's output and on outputs
 * with no payments and no dates. The export on real page openings is committed without a cell error (remaking it
 * takes a further Spark run, left to jobs/export-notebooks.sh --real).
 */
class NotebooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COMMITTED = Path.of("notebooks-export");
    private static final List<String> NOTEBOOKS = List.of("councils", "payments", "delays", "remedies", "quality",
            "letter");
    private static final Duration LONG = Duration.ofMinutes(6);

    @TempDir
    static Path dir;
    static Path sample;

    /**
     * The job on the bundled sample, in this JVM: jobs/run-local.sh on the sample is CI's own last step, and a
     * process here cost half a minute more.
     */
    @BeforeAll
    static void runTheJobOnTheSample() {
        sample = dir.resolve("sample");
        JobRuns.run(JobRuns.SEEDS, sample);
    }

    @Test
    void theCommittedNotebooksAreWhatTheKernelPrintsOnTheDemoOutput() throws Exception {
        Path fresh = dir.resolve("demo-export");
        assertEquals(0, Scripts.run(dir.resolve("demo.log"), Map.of(), LONG, "export-notebooks.sh", "--demo",
                "--out", fresh.toString()), () -> log("demo.log"));
        for (String name : NOTEBOOKS) {
            assertEquals(textOutputs(COMMITTED.resolve(name + ".ipynb")), textOutputs(fresh.resolve(name + ".ipynb")),
                    name + ".ipynb is stale: run jobs/export-notebooks.sh --demo");
            assertEquals(images(COMMITTED.resolve(name + ".ipynb")), images(fresh.resolve(name + ".ipynb")), name);
            // Byte for byte, the HTML copy too: an execution at another time, in another folder, gives the same
            // files, so a re-export shows in a diff only what changed.
            for (String ext : List.of(".ipynb", ".html")) {
                assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(name + ext)),
                        Files.readAllBytes(fresh.resolve(name + ext)), name + ext + " differs from a fresh execution");
            }
        }
    }

    /** The real-openings export (jobs/export-notebooks.sh --real) is committed whole and without a cell error. */
    @Test
    void theCommittedRealOpeningsExportHasEveryNotebookAndNoCellError() throws Exception {
        Path real = COMMITTED.resolve("real-openings");
        for (String name : NOTEBOOKS) {
            assertNoErrors(real.resolve(name + ".ipynb"));
            assertTrue(Files.exists(real.resolve(name + ".html")), name + ".html");
        }
    }

    /** Once: that two executions give the same bytes is the demo export's test, against the committed files. */
    @Test
    void everyNotebookRunsOnTheSample() throws Exception {
        Path out = execute(sample, "sample-nb");
        for (String name : NOTEBOOKS) {
            assertNoErrors(out.resolve(name + ".ipynb"));
            assertTrue(Files.exists(out.resolve(name + ".html")), name + ".html");
        }
    }

    @Test
    void anOutputWithNoPaymentsAndNoDatesIsSaidSoInsteadOfFailing() throws Exception {
        Path bare = dir.resolve("bare");
        copy(sample, bare);
        blank(bare.resolve("decisions.csv"), List.of("payments_gbp", "payment_purposes", "decision_date",
                "complaint_date", "complaint_to_decision_days"), "payment_total_gbp", "0.00");
        Path out = execute(bare, "bare-nb");
        for (String name : NOTEBOOKS) {
            assertNoErrors(out.resolve(name + ".ipynb"));
        }
        String payments = String.join("\n", textOutputs(out.resolve("payments.ipynb")));
        assertTrue(payments.toLowerCase().contains("no payment"), payments);
    }

    /**
     * The notebooks run side by side: one that fails (an invented cell dividing by zero) fails the whole execution
     * with its cell error and name, and does not stop the others.
     */
    @Test
    void aNotebookThatFailsFailsTheExecutionWithItsCellErrorAndTheOthersStillRun() throws Exception {
        Path notebooks = dir.resolve("with-a-failing-one");
        Files.createDirectories(notebooks);
        Files.copy(Path.of("src/notebooks/delays.ipynb"), notebooks.resolve("delays.ipynb"));
        Files.writeString(notebooks.resolve("broken.ipynb"), "{\"cells\": [{\"cell_type\": \"code\", "
                + "\"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": \"1 / 0\"}], "
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        Path dest = dir.resolve("failing-nb");
        Path log = dir.resolve("failing-nb.log");
        int code = Scripts.run(log, Map.of("NOTEBOOKS_DIR", notebooks.toString()), LONG, "lib/execute-notebooks.sh",
                sample.toString(), dest.toString());
        String said = Scripts.read(log);
        assertEquals(1, code, said);
        assertTrue(said.contains("broken.ipynb failed against") && said.contains("ZeroDivisionError"), said);
        assertNoErrors(dest.resolve("delays.ipynb"));
        assertTrue(Files.exists(dest.resolve("delays.html")), "the other notebook still ran: " + said);
        assertFalse(Files.exists(dest.resolve("broken.ipynb")), "a failed notebook is not written as if it ran");
    }

    private static Path execute(Path output, String into) throws Exception {
        Path dest = dir.resolve(into);
        assertEquals(0, Scripts.run(dir.resolve(into + ".log"), Map.of(), LONG, "lib/execute-notebooks.sh",
                output.toString(), dest.toString()), () -> log(into + ".log"));
        return dest;
    }

    private static void assertNoErrors(Path notebook) throws IOException {
        for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                assertFalse(output.path("output_type").asText().equals("error"), notebook + ": " + output);
                assertFalse(output.path("name").asText().equals("stderr"), notebook + " wrote to stderr: " + output);
            }
        }
    }

    /** Every text a notebook's cells printed or displayed, in order (images apart). */
    private static List<String> textOutputs(Path notebook) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                out.add(output.path("text").toString());
                output.path("data").fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith("text/")) {
                        out.add(e.getKey() + " " + e.getValue());
                    }
                });
            }
        }
        return out;
    }

    /** How many charts each cell drew. */
    private static List<Integer> images(Path notebook) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
            int n = 0;
            for (JsonNode output : cell.path("outputs")) {
                n += output.path("data").has("image/png") ? 1 : 0;
            }
            out.add(n);
        }
        return out;
    }

    /** A CSV with the named columns emptied (and one column set to a value). */
    private static void blank(Path csv, List<String> columns, String setColumn, String value) throws IOException {
        List<CSVRecord> rows;
        List<String> header;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            header = parser.getHeaderNames();
            rows = parser.getRecords();
        }
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (CSVRecord row : rows) {
                List<String> values = new ArrayList<>();
                for (String column : header) {
                    values.add(columns.contains(column) ? "" : column.equals(setColumn) ? value : row.get(column));
                }
                p.printRecord(values);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static String log(String name) {
        try {
            return Scripts.read(dir.resolve(name));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
