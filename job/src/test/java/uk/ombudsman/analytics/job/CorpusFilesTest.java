package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a local corpus with java.nio gives exactly what Hadoop's listing gives, and every listed file reads. */
class CorpusFilesTest {
    @TempDir
    Path dir;

    @Test
    void localWalkListsTheSameFilesSizesAndHiddenCountAsHadoop() throws IOException {
        Path corpus = tree();
        org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path(corpus.toUri());

        CorpusFiles.Listing nio = CorpusFiles.list(input, new Configuration());
        CorpusFiles.Listing hadoop = hadoopWalk(input);

        assertEquals(hadoop, nio);
        assertEquals(hadoop, CorpusFiles.list(input, rawLocal()), "the raw local file system, where a user sets it");
        assertEquals(List.of("2024/01/a.txt", "2024/02/b c.html", "2024/02/caf\u00e9 50%.txt", "top.txt"),
                nio.files().stream().map(f -> f.path().substring(("file:" + corpus + "/").length())).toList());
        assertEquals(2, nio.hidden(), ".DS_Store and _SUCCESS; the files in hidden folders are not counted");
        assertEquals(5 + 7 + 4 + 3, nio.totalBytes());
    }

    @Test
    void aSingleFileInputListsItself() throws IOException {
        Path corpus = tree();
        org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path(corpus.resolve("top.txt").toUri());
        assertEquals(hadoopWalk(input), CorpusFiles.list(input, new Configuration()));
        assertEquals(1, CorpusFiles.list(input, new Configuration()).count());
    }

    @Test
    void filesWithSpacesAndPercentSignsInTheirNamesAreRead() throws IOException {
        Path corpus = tree();
        CorpusFiles.Listing listing = CorpusFiles.list(new org.apache.hadoop.fs.Path(corpus.toUri()),
                new Configuration());
        for (CorpusFiles.InputFile f : listing.files()) {
            byte[] bytes = CorpusFiles.read(f.path(), f.length(), new Configuration());
            assertEquals(f.length(), bytes.length, f.path());
        }
        assertArrayEquals("<p>x</p".getBytes(StandardCharsets.UTF_8), CorpusFiles.read(
                "file:" + corpus.resolve("2024/02/b c.html"), 7, new Configuration()));
    }

    @Test
    void aSmallCorpusIsOnePartitionAndALargeOneSeveralPerCore() {
        List<CorpusFiles.InputFile> small = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            small.add(new CorpusFiles.InputFile("file:/c/" + i + ".txt", 12_000)); // the sample's order of size
        }
        assertEquals(1, CorpusFiles.partitions(new CorpusFiles.Listing(small, 60_000, 0), 2).size());

        List<CorpusFiles.InputFile> large = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            large.add(new CorpusFiles.InputFile("file:/c/" + i + ".txt", 18_000)); // 20,000 generated decisions
        }
        List<List<CorpusFiles.InputFile>> parts = CorpusFiles.partitions(new CorpusFiles.Listing(large,
                20_000L * 18_000, 0), 2);
        assertEquals(8, parts.size(), "four per core");
        assertEquals(20_000, parts.stream().mapToInt(List::size).sum());
    }

    @Test
    void aPackedGroupGivesBackItsFilesInOrder() {
        List<CorpusFiles.InputFile> files = List.of(new CorpusFiles.InputFile("file:/c/2024/a b.txt", 10),
                new CorpusFiles.InputFile("file:/c/2024/a b.txt2", 20), new CorpusFiles.InputFile("file:/c/x", 0));
        assertEquals(files, FileGroup.of(files).files());
        assertEquals("file:/c/", FileGroup.of(files).prefix());
        List<CorpusFiles.InputFile> one = List.of(new CorpusFiles.InputFile("file:/c/only.txt", 3));
        assertEquals(one, FileGroup.of(one).files());
        assertEquals(List.of(), FileGroup.of(List.of()).files());
    }

    private Path tree() throws IOException {
        Path corpus = dir.resolve("corpus");
        write(corpus.resolve("2024/01/a.txt"), "aaaaa");
        write(corpus.resolve("2024/02/b c.html"), "<p>x</p");
        write(corpus.resolve("2024/02/caf\u00e9 50%.txt"), "cccc");
        write(corpus.resolve("top.txt"), "ttt");
        write(corpus.resolve("2024/.DS_Store"), "junk");
        write(corpus.resolve("_SUCCESS"), "");
        write(corpus.resolve(".git/objects/x"), "hidden folder");
        write(corpus.resolve("2024/_temporary/0/part"), "hidden folder");
        return corpus;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Hadoop's local file system without its checksum files, as a user may configure it. */
    private static Configuration rawLocal() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    private static CorpusFiles.Listing hadoopWalk(org.apache.hadoop.fs.Path input) throws IOException {
        return CorpusFiles.listWithHadoop(input.getFileSystem(new Configuration()), input);
    }
}
