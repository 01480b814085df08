package uk.ombudsman.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.JobResult;

/** Small helpers so job tests read as statements about outputs. */
public final class JobRuns {
    public static final Path SEEDS = Path.of("src/sample/seeds");

    private JobRuns() {
    }

    public static JobResult run(Path input, Path output) {
        return run(input, output, JobProgress.SILENT);
    }

    public static JobResult run(Path input, Path output, JobProgress progress) {
        return new DecisionJob(SharedSpark.get(), new JobConfig(input.toString(), output.toString(), null), progress)
                .run();
    }

    /** A CSV output read back as records keyed by header. */
    public static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    public static Map<String, Object> manifest(Path output) throws IOException {
        try (InputStream in = Files.newInputStream(output.resolve("_manifest.json"))) {
            return Manifest.read(in);
        }
    }

    /** Every file under a folder, relative, sorted. */
    public static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** Copies the named seeds into a folder. */
    public static void copySeeds(Path into, String... names) throws IOException {
        Files.createDirectories(into);
        for (String n : names) {
            Files.copy(SEEDS.resolve(n), into.resolve(n));
        }
    }
}
