package uk.ombudsman.analytics.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.SharedSpark;

/**
 * The committed notebooks-export/ must never go stale: its notebooks are valid nbformat 4, every SQL in them runs
 * against the current report schema, and making them again from the demo corpus gives the same content. (Chart
 * images are compared as valid PNGs of the same names, not byte for byte: font rasterising differs between
 * machines. The data they draw is in the tables beside them, which are compared exactly.)
 */
class NotebooksExportTest {
    private static final Path COMMITTED = Path.of("notebooks-export");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SQL = Pattern.compile("spark\\.sql\\(\"\"\"\\n(.*?)\\n\"\"\"\\)", Pattern.DOTALL);
    private static final Pattern PNG_DATA = Pattern.compile("base64,[A-Za-z0-9+/=]+");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path dir;
    static Path fresh;

    @BeforeAll
    static void makeThemAgain() throws IOException {
        fresh = dir.resolve("fresh");
        DemoNotebooks.make(SharedSpark.get(), fresh, dir.resolve("work"));
    }

    private static List<Path> committed(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(COMMITTED)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void theCommittedFilesAreExactlyTheOnesTheCommandMakes() throws IOException {
        List<String> made;
        try (Stream<Path> s = Files.list(fresh)) {
            made = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> have;
        try (Stream<Path> s = Files.list(COMMITTED)) {
            have = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList();
        }
        assertEquals(made, have, "run: jobs/export-notebooks.sh --demo --out notebooks-export");
        assertEquals(4, committed(".ipynb").size());
    }

    @Test
    void everyNotebookIsValidNbformat4() throws IOException {
        for (Path p : committed(".ipynb")) {
            JsonNode nb = JSON.readTree(p.toFile());
            String where = p.getFileName().toString();
            assertEquals(4, nb.path("nbformat").asInt(), where);
            assertTrue(nb.path("nbformat_minor").isInt(), where);
            assertTrue(nb.path("metadata").isObject(), where);
            assertTrue(nb.path("cells").isArray() && nb.path("cells").size() > 3, where);
            int charts = 0;
            for (JsonNode cell : nb.path("cells")) {
                String type = cell.path("cell_type").asText();
                assertTrue(Set.of("markdown", "code").contains(type), where + ": " + type);
                assertTrue(cell.path("metadata").isObject(), where);
                assertTrue(cell.path("source").isArray(), where);
                cell.path("source").forEach(line -> assertTrue(line.isTextual(), where));
                if (type.equals("code")) {
                    assertTrue(cell.path("execution_count").isInt(), where);
                    for (JsonNode out : cell.path("outputs")) {
                        String kind = out.path("output_type").asText();
                        assertTrue(Set.of("execute_result", "display_data").contains(kind), where + ": " + kind);
                        assertTrue(out.path("data").isObject() && out.path("metadata").isObject(), where);
                        if (kind.equals("execute_result")) {
                            assertEquals(cell.path("execution_count").asInt(), out.path("execution_count").asInt());
                        }
                        if (out.path("data").has("image/png")) {
                            charts++;
                            byte[] png = java.util.Base64.getDecoder().decode(out.path("data").path("image/png")
                                    .asText());
                            assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 8), where);
                        }
                    }
                } else {
                    assertFalse(cell.has("outputs"), where);
                }
            }
            assertTrue(charts >= 1, where + " has a chart");
        }
    }

    @Test
    void everySqlInTheNotebooksRunsAgainstTheCurrentReports() throws IOException {
        NotebookExporter.registerViews(SharedSpark.get(), dir.resolve("work/output").toUri().toString());
        List<String> queries = new ArrayList<>();
        for (Path p : committed(".ipynb")) {
            for (JsonNode cell : JSON.readTree(p.toFile()).path("cells")) {
                StringBuilder source = new StringBuilder();
                cell.path("source").forEach(line -> source.append(line.asText()));
                Matcher m = SQL.matcher(source);
                while (m.find()) {
                    queries.add(m.group(1));
                }
            }
        }
        assertEquals(NotebookExporter.allQueries().size(), queries.size());
        for (String sql : queries) {
            assertFalse(SharedSpark.get().sql(sql).collectAsList().isEmpty(), "no rows from:\n" + sql);
        }
    }

    @Test
    void makingThemAgainGivesTheSameContent() throws IOException {
        for (Path p : committed(".ipynb")) {
            assertEquals(withoutImages(JSON.readTree(p.toFile())),
                    withoutImages(JSON.readTree(fresh.resolve(p.getFileName()).toFile())),
                    p + " is stale: run jobs/export-notebooks.sh --demo --out notebooks-export");
        }
        for (Path p : committed(".html")) {
            assertEquals(PNG_DATA.matcher(Files.readString(p)).replaceAll("base64,IMAGE"),
                    PNG_DATA.matcher(Files.readString(fresh.resolve(p.getFileName()))).replaceAll("base64,IMAGE"),
                    p + " is stale: run jobs/export-notebooks.sh --demo --out notebooks-export");
        }
        for (Path p : committed(".png")) {
            assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(Files.readAllBytes(p), 8), p.toString());
        }
    }

    private static JsonNode withoutImages(JsonNode nb) {
        JsonNode copy = nb.deepCopy();
        for (JsonNode cell : copy.path("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                if (out.path("data").has("image/png")) {
                    ((ObjectNode) out.path("data")).put("image/png", "IMAGE");
                }
            }
        }
        return copy;
    }
}
