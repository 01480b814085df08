package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.reports.Columns;

/** Runs are repeatable, bad input is quarantined not fatal, CSVs are safe, and failures never eat old output. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    @Test
    void twoRunsOverTheSameInputGiveByteIdenticalCsvFiles() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        JobRuns.run(JobRuns.SEEDS, a);
        JobRuns.run(JobRuns.SEEDS, b);
        List<String> csvs = JobRuns.listing(a).stream().filter(p -> p.endsWith(".csv")).toList();
        assertEquals(17, csvs.size(), "decisions, evidence, quarantine, thirteen reports and quality: " + csvs);
        for (String csv : csvs) {
            assertArrayEquals(Files.readAllBytes(a.resolve(csv)), Files.readAllBytes(b.resolve(csv)), csv);
        }
        assertEquals(List.of(), JobRuns.listing(a).stream().filter(p -> p.endsWith(".crc")).toList(),
                "Hadoop's local checksum files are not left in the output");
    }

    @Test
    void emptyBinaryAndNonDecisionFilesAreQuarantinedWithDistinctReasons() throws IOException {
        Path corpus = dir.resolve("corpus");
        JobRuns.copySeeds(corpus.resolve("text"), "000_30551c9620c2805c.txt", "004_5510ae66d0b5c60f.txt");
        Files.createDirectories(corpus.resolve("junk"));
        Files.write(corpus.resolve("junk/empty.txt"), new byte[0]);
        Files.writeString(corpus.resolve("junk/blank.txt"), "  \r\n\t\n");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Files.write(corpus.resolve("junk/logo.png"), png);
        Files.writeString(corpus.resolve("junk/cookies.html"), "<html><body><h1>Review your privacy settings</h1>"
                + "<p>These cookies enable the website to function properly.</p></body></html>");
        Files.writeString(corpus.resolve("junk/notes.txt"), "Meeting notes\nBudget for 2025 agreed.\n");

        JobRuns.run(corpus, dir.resolve("out"));

        Map<String, Object> counts = counts(dir.resolve("out"));
        assertEquals(7, counts.get("files_read"));
        assertEquals(2, counts.get("decisions"));
        assertEquals(5, counts.get("quarantined"));
        assertEquals(Map.of("EMPTY", 2, "BINARY", 1, "NOT_A_DECISION", 2), counts.get("quarantined_by_reason"));
        List<CSVRecord> q = JobRuns.csv(dir.resolve("out/quarantine.csv"));
        assertEquals(5, q.size());
        CSVRecord notes = q.stream().filter(r -> r.get(Columns.SOURCE).endsWith("notes.txt")).findFirst().orElseThrow();
        assertEquals("NOT_A_DECISION", notes.get(Columns.REASON));
        assertTrue(notes.get(Columns.PREVIEW).startsWith("Meeting notes"), notes.get(Columns.PREVIEW));
        CSVRecord logo = q.stream().filter(r -> r.get(Columns.SOURCE).endsWith("logo.png")).findFirst().orElseThrow();
        assertTrue(logo.get(Columns.PREVIEW).startsWith("89 50 4e 47 0d 0a 1a 0a"), logo.get(Columns.PREVIEW));
        assertEquals(2, JobRuns.csv(dir.resolve("out/decisions.csv")).size());
    }

    @Test
    void aLinkLoopingBackAboveItIsQuarantinedAndTheRunGoesOnAndAGzippedPageIsRead() throws IOException {
        Path corpus = dir.resolve("corpus");
        JobRuns.copySeeds(corpus.resolve("text"), "000_30551c9620c2805c.txt");
        Path page = JobRuns.SEEDS.resolve("004_5510ae66d0b5c60f.txt");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(corpus.resolve("text/saved.txt.gz")))) {
            out.write(Files.readAllBytes(page));
        }
        Files.createSymbolicLink(corpus.resolve("text/loop"), corpus);

        JobRuns.run(corpus, dir.resolve("out"));

        Map<String, Object> counts = counts(dir.resolve("out"));
        assertEquals(3, counts.get("files_read"));
        assertEquals(2, counts.get("decisions"));
        assertEquals(Map.of("LINK_LOOP", 1), counts.get("quarantined_by_reason"));
        CSVRecord loop = JobRuns.csv(dir.resolve("out/quarantine.csv")).get(0);
        assertTrue(loop.get(Columns.SOURCE).endsWith("/text/loop"), loop.get(Columns.SOURCE));
        assertTrue(JobRuns.csv(dir.resolve("out/decisions.csv")).stream()
                .anyMatch(d -> d.get(Columns.SOURCE).endsWith("saved.txt.gz")), "the gzipped page is a decision");
    }

    @Test
    void aCellThatStartsLikeAFormulaCannotRunInASpreadsheet() throws IOException {
        Path corpus = dir.resolve("formula");
        Files.createDirectories(corpus);
        String seed = Files.readString(JobRuns.SEEDS.resolve("004_5510ae66d0b5c60f.txt"));
        String hostile = seed.replace("Norfolk County Council (23 018 529)", "=HYPERLINK(\"http://x\") (23 018 529)")
                .replace("Summary: There was no fault", "Summary: =1+2 There was no fault");
        Files.writeString(corpus.resolve("hostile.txt"), hostile);

        JobRuns.run(corpus, dir.resolve("out"));

        CSVRecord d = JobRuns.csv(dir.resolve("out/decisions.csv")).get(0);
        assertEquals("'=HYPERLINK(\"http://x\")", d.get(Columns.COUNCIL));
        assertTrue(d.get(Columns.SUMMARY).startsWith("'=1+2 There was no fault"), d.get(Columns.SUMMARY));
        CSVRecord c = JobRuns.csv(dir.resolve("out/reports/by_council.csv")).get(0);
        assertEquals("'=HYPERLINK(\"http://x\")", c.get(Columns.COUNCIL));
        String raw = Files.readString(dir.resolve("out/reports/by_council.csv"), StandardCharsets.UTF_8);
        assertFalse(raw.contains("\n=") || raw.contains(",=") || raw.contains("\"="), "no cell starts with =");
    }

    @Test
    void aRunThatFailsPartWayLeavesTheEarlierOutputIntact() throws IOException {
        Path out = dir.resolve("out");
        JobRuns.run(JobRuns.SEEDS, out);
        byte[] manifest = Files.readAllBytes(out.resolve("_manifest.json"));
        List<String> before = JobRuns.listing(out);

        Path corpus = dir.resolve("two");
        JobRuns.copySeeds(corpus, "000_30551c9620c2805c.txt", "001_ba051be7ce1f19f4.txt");
        RuntimeException failure = assertThrows(RuntimeException.class, () -> JobRuns.run(corpus, out, stage -> {
            if (stage == JobProgress.Stage.PUBLISH) {
                // Everything is written into the staging folder by now: the hardest moment to fail.
                throw new IllegalStateException("disk full (simulated) before the manifest");
            }
        }));
        assertTrue(failure.getMessage().contains("simulated"));

        assertEquals(before, JobRuns.listing(out));
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("_manifest.json")));
        assertEquals(5, JobRuns.csv(out.resolve("decisions.csv")).size());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".out")).toList(), "no staging folder left behind");
        }

        JobRuns.run(corpus, out);
        assertEquals(2, JobRuns.csv(out.resolve("decisions.csv")).size(), "the next run replaces it whole");
    }

    @Test
    void anUnwritableOutputFailsWithAClearMessageAndExitCode() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        Failure f = assertThrows(Failure.class, () -> JobRuns.run(JobRuns.SEEDS, file.resolve("out")));
        assertEquals(ExitCode.OUTPUT, f.exitCode());
        assertEquals("not a folder", Files.readString(file));

        Path mine = dir.resolve("my-documents");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.docx"), "precious");
        Failure refused = assertThrows(Failure.class, () -> JobRuns.run(JobRuns.SEEDS, mine));
        assertTrue(refused.getMessage().contains("not a report folder"), refused.getMessage());
        assertEquals("precious", Files.readString(mine.resolve("thesis.docx")));
    }

    @Test
    void anOutputThatCannotBeUsedFailsBeforeAnyFileIsRead() throws IOException {
        Path file = dir.resolve("also-a-file");
        Files.writeString(file, "not a folder");
        for (Path output : List.of(file, file.resolve("out"))) {
            List<JobProgress.Stage> stages = new ArrayList<>();
            Failure f = assertThrows(Failure.class, () -> JobRuns.run(JobRuns.SEEDS, output, stages::add));
            assertEquals(ExitCode.OUTPUT, f.exitCode());
            assertTrue(f.getMessage().contains("is a file"), f.getMessage());
            assertEquals(List.of(), stages, "no stage begun for " + output);
        }
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aMissingInputFailsWithTheInputExitCode() {
        Failure f = assertThrows(Failure.class, () -> JobRuns.run(dir.resolve("nowhere"), dir.resolve("out")));
        assertEquals(ExitCode.INPUT, f.exitCode());
        assertTrue(f.getMessage().startsWith("input not found"), f.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Path out) throws IOException {
        return (Map<String, Object>) JobRuns.manifest(out).get("counts");
    }
}
