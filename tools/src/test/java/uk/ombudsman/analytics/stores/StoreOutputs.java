package uk.ombudsman.analytics.stores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/** Outputs on a cluster's store, brought back and compared with a local run's. */
final class StoreOutputs {
    /** CSVs that name each decision's source file: equal once the two inputs' locations are set aside. */
    private static final List<String> NAMING_SOURCES = List.of("decisions.csv", "quarantine.csv");

    private StoreOutputs() {
    }

    /** Copies a folder of any Hadoop file system to a local folder. */
    static Path download(org.apache.hadoop.fs.Path from, Path to, Configuration conf) throws IOException {
        FileSystem fs = from.getFileSystem(conf);
        FileUtil.copy(fs, from, to.toFile(), false, conf);
        return to;
    }

    /** Copies a local folder into any Hadoop file system. */
    static void upload(Path from, org.apache.hadoop.fs.Path to, Configuration conf) throws IOException {
        FileUtil.copy(from.toFile(), to.getFileSystem(conf), to, false, conf);
    }

    /**
     * Every CSV of {@code actual} is byte for byte the one of {@code expected}: the reports, quality and evidence
     * exactly; the two that name source files once each input's location ({@code expectedInput},
     * {@code actualInput}) is replaced by the same placeholder.
     */
    static void assertSameCsvs(Path expected, String expectedInput, Path actual, String actualInput)
            throws IOException {
        List<String> names = csvs(expected);
        assertTrue(names.size() >= 15, "the outputs have their CSVs: " + names);
        assertTrue(csvs(actual).containsAll(names), "every CSV is there: " + csvs(actual));
        for (String name : names) {
            byte[] want = Files.readAllBytes(expected.resolve(name));
            byte[] got = Files.readAllBytes(actual.resolve(name));
            if (NAMING_SOURCES.contains(name)) {
                String w = new String(want, StandardCharsets.UTF_8).replace(slash(expectedInput), "INPUT/");
                String g = new String(got, StandardCharsets.UTF_8).replace(slash(actualInput), "INPUT/");
                assertTrue(w.contains("INPUT/") || w.lines().count() == 1, name + " names its sources");
                assertEquals(w, g, name + " differs beyond where its input was");
            } else {
                assertArrayEquals(want, got, name + " differs");
            }
        }
    }

    private static String slash(String folder) {
        return folder.endsWith("/") ? folder : folder + "/";
    }

    private static List<String> csvs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).map(p -> dir.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    /** The files of a local output, with none of Hadoop's checksum files or commit leftovers among them. */
    static void assertClean(Path output) throws IOException {
        try (Stream<Path> s = Files.walk(output)) {
            List<String> clutter = s.map(p -> output.relativize(p).toString())
                    .filter(n -> n.endsWith(".crc") || n.contains("_temporary") || n.contains("_SUCCESS")).toList();
            assertEquals(List.of(), clutter, "no checksum files or commit leftovers");
        }
    }
}
