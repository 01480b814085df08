package uk.ombudsman.analytics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import uk.ombudsman.analytics.base.ExitCode;
import uk.ombudsman.analytics.base.Failure;
import uk.ombudsman.analytics.export.CsvCells;
import uk.ombudsman.analytics.export.Manifest;
import uk.ombudsman.analytics.generate.CorpusGenerator;
import uk.ombudsman.analytics.generate.RealTextCorpus;
import uk.ombudsman.analytics.generate.TruthCheck;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * The benchmark: on one generated corpus (or one of real decision text recombined, {@link RealTextCorpus}), in one invocation, times the floor (one thread reading every file),
 * the parser alone on one thread, the Spark job in local[2] end to end, and the peer (DuckDB reading the same
 * files with read_blob, since read_text rejects non-UTF-8 files, and extracting council and outcome by regular
 * expression). Each runs in its own JVM, timed from outside, with its peak resident memory read from /proc.
 * Then it checks the job's reports against the generator's truth and prints one table, the ratios, and a CSV
 * of the results.
 */
public final class Benchmark {
    private static final String SELF = Benchmark.class.getName();

    private Benchmark() {
    }

    /** Entry point of the measuring subprocesses the harness starts, one per step. */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("measure")) {
            measure(args[1], Path.of(args[2]));
            return;
        }
        throw new IllegalArgumentException("usage: Benchmark measure STEP CORPUS (the benchmark command starts these)");
    }

    /** Runs the whole benchmark: generate (or reuse) the corpus, time each step, print and save the table. */
    public static void run(Options options) throws Exception {
        new Runner(options).run();
    }

    /**
     * @param realText   time on {@link RealTextCorpus} (real decisions' paragraphs recombined) instead of the generator's
     * @param realSources the folders of real decision text the real-text corpus is made from
     * @param parserOnly time only the floor and the parser alone (no Spark, no DuckDB)
     * @param runLocal   jobs/run-local.sh: the job is timed as a user runs it (on Java 25 with its cache, if any)
     */
    public record Options(int decisions, Path work, long seed, String driverHeap, boolean realText,
            List<Path> realSources, boolean parserOnly, String jvmOptions, String runLocal) {
    }

    /** Real decisions are about this long (the seeds' median); page openings are recombined up to it. */
    private static final int REAL_DECISION_BYTES = 22_000;

    /** One row of the table. */
    record Result(String step, long decisions, double mb, double seconds, double peakMb, String note) {
        double perSecond() {
            return decisions / seconds;
        }

        double mbPerSecond() {
            return mb / seconds;
        }
    }

    /** The two ratios the issue asks for, from the parser's own loop time and the job's parse stage. */
    record Ratios(double parseLoop, double parseStage, double job, double duckdb) {
        double efficiency() {
            return parseLoop / (2 * parseStage);
        }

        double overDuckdb() {
            return job / duckdb;
        }
    }

    private static final class Runner {
        private final Options o;
        private final String java = ProcessHandle.current().info().command().orElse("java");
        private final String classpath = System.getProperty("java.class.path");

        Runner(Options o) {
            this.o = o;
        }

        void run() throws Exception {
            Files.createDirectories(o.work());
            Path generated = o.work().resolve((o.realText() ? "real-" : "corpus-") + o.decisions() + "-seed" + o.seed());
            Path corpus = generated.resolve(CorpusGenerator.CORPUS);
            if (o.realText()) {
                Path done = generated.resolve("complete");
                if (!Files.exists(done)) {
                    System.out.printf("Recombining real decision text from %s into %d decisions in %s ...%n",
                            o.realSources(), o.decisions(), generated);
                    long bytes = RealTextCorpus.from(o.realSources()).writeTo(corpus, o.decisions(), o.seed(),
                            REAL_DECISION_BYTES);
                    System.out.printf("  %d files, %.0f MB%n", o.decisions(), bytes / 1e6);
                    Files.writeString(done, "");
                }
            } else if (!Files.exists(generated.resolve(CorpusGenerator.TRUTH).resolve("counts.csv"))) {
                System.out.printf("Generating %d decisions into %s ...%n", o.decisions(), generated);
                var s = new CorpusGenerator(o.decisions(), o.seed()).writeTo(generated);
                System.out.printf("  %d files, %.0f MB%n", s.files(), s.bytes() / 1e6);
            }
            long[] size = size(corpus);
            double mb = size[1] / 1e6;
            System.out.printf("Corpus: %d files, %.0f MB; machine: %d cores, Java %s%n%n", size[0], mb,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

            List<Result> results = new ArrayList<>();
            // The same JVM options as the job's (its garbage collector above all), so the per-core cost is measured
            // under the conditions the job runs in.
            results.add(timed("floor: read every file, 1 thread", size[0], mb, List.of(java, "@" + o.jvmOptions(),
                    "-Xmx1g", "-cp", classpath, SELF, "measure", "floor", corpus.toString()), null));
            Result parser = timed("parser alone, 1 thread", size[0], mb, List.of(java, "@" + o.jvmOptions(),
                    "-Xmx1g", "-cp", classpath, SELF, "measure", "parser", corpus.toString()), null);
            results.add(parser);
            if (o.parserOnly()) {
                print(results, null, List.of());
                writeCsv(results, null, true);
                return;
            }
            double parseLoop = Double.parseDouble(parser.note().replaceAll(".* in ([0-9.]+) s.*", "$1"));
            Path out = o.work().resolve("out-" + o.decisions());
            List<String> spark = List.of(o.runLocal(), "--input", corpus.toString(), "--output", out.toString(),
                    "--master", "local[2]", "--quiet");
            // Two small runs first, untimed: on Java 25 they record and assemble the start-up cache a user's runs
            // start from (it depends on the jar and the heap, not on the input).
            List<String> warmUp = List.of(o.runLocal(), "--output", o.work().resolve("warm-up").toString(),
                    "--master", "local[2]", "--quiet");
            for (int i = 0; i < 2; i++) {
                timed("(start-up cache, on the bundled sample)", 5, 0, warmUp, Map.of("DRIVER_MEMORY", o.driverHeap()));
            }
            Result job = timed("Spark job, local[2], end to end", size[0], mb, spark,
                    Map.of("DRIVER_MEMORY", o.driverHeap()));
            results.add(job);
            Map<?, ?> timings;
            try (InputStream in = Files.newInputStream(out.resolve("_manifest.json"))) {
                timings = (Map<?, ?>) Manifest.read(in).get("timings_ms");
            }
            double readAndParse = ((Number) timings.get("read_and_parse")).doubleValue() / 1000;
            double parseStage = ((Number) timings.get("parse_stage")).doubleValue() / 1000;
            results.add(new Result("  of which read-and-parse step", size[0], mb, readAndParse, Double.NaN,
                    "the job's lap: planning, the parse stage, then a count"));
            results.add(new Result("  of which parse stage", size[0], mb, parseStage, Double.NaN,
                    "first file read to last file parsed, over all tasks"));
            Result duckdb = timed("DuckDB read_blob + regex, header only", size[0], mb,
                    List.of(java, "-Xmx4g", "-cp", classpath, SELF, "measure", "duckdb", corpus.toString()), null);
            results.add(duckdb);

            // Recombined real text has no truth to check against: it is there to be timed.
            List<String> problems = o.realText() ? List.of() : TruthCheck.compare(generated, out);
            Ratios ratios = new Ratios(parseLoop, parseStage, job.seconds(), duckdb.seconds());
            print(results, ratios, problems);
            writeCsv(results, ratios, problems.isEmpty());
            if (!problems.isEmpty()) {
                throw new Failure("the job's output differs from the generator's truth in " + problems.size()
                        + " places (listed above)", ExitCode.FAILED, null);
            }
        }

        private Result timed(String step, long files, double mb, List<String> command, Map<String, String> env)
                throws IOException, InterruptedException {
            System.out.printf("running: %s ...%n", step);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (env != null) {
                pb.environment().putAll(env);
            }
            long start = System.nanoTime();
            Process p = pb.start();
            Path status = Path.of("/proc/" + p.pid() + "/status");
            long peakKb = 0;
            StringBuilder output = new StringBuilder();
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[8192];
                while (p.isAlive() || in.available() > 0) {
                    peakKb = Math.max(peakKb, highWaterKb(status));
                    int n = in.available() > 0 ? in.read(buf) : 0;
                    if (n > 0) {
                        output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    } else {
                        Thread.sleep(50);
                    }
                }
            }
            int code = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(step + " failed with exit code " + code + ":\n" + output);
            }
            String note = output.toString().lines().filter(l -> l.startsWith("result:")).findFirst()
                    .map(l -> l.substring(7).strip()).orElse("");
            return new Result(step, files, mb, seconds, peakKb / 1024.0, note);
        }

        private static long highWaterKb(Path status) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // The process has just ended: keep the last reading.
            }
            return 0;
        }

        private void print(List<Result> results, Ratios ratios, List<String> problems) {
            System.out.printf("%n%-40s %9s %8s %8s %11s %7s %9s  %s%n", "step", "files", "MB", "seconds",
                    "decisions/s", "MB/s", "peak MB", "note");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "%-40s %9d %8.0f %8.1f %11.0f %7.1f %9s  %s%n", r.step(), r.decisions(),
                        r.mb(), r.seconds(), r.perSecond(), r.mbPerSecond(),
                        Double.isNaN(r.peakMb()) ? "-" : String.format(Locale.ROOT, "%.0f", r.peakMb()), r.note());
            }
            if (ratios == null) {
                return;
            }
            System.out.printf(Locale.ROOT, "%nparallel efficiency = parser's loop alone / (2 x Spark parse stage) = "
                    + "%.1f / (2 x %.1f) = %.2f%n", ratios.parseLoop(), ratios.parseStage(), ratios.efficiency());
            System.out.printf(Locale.ROOT, "Spark end to end / DuckDB = %.1f / %.1f = %.2f%n", ratios.job(),
                    ratios.duckdb(), ratios.overDuckdb());
            System.out.println(o.realText() ? "(Real text: no truth to check the reports against.)"
                    : problems.isEmpty() ? "The job's reports equal the generator's truth."
                    : "The job's reports DIFFER from the truth (" + problems.size() + " differences), first: "
                            + problems.subList(0, Math.min(5, problems.size())));
        }

        private void writeCsv(List<Result> results, Ratios ratios, boolean truthOk) throws IOException {
            Path file = o.work().resolve("results-" + o.decisions() + "-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + ".csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(w, CsvCells.FORMAT)) {
                csv.printRecord("step", "files", "mb", "seconds", "decisions_per_s", "mb_per_s", "peak_mb", "note");
                for (Result r : results) {
                    csv.printRecord(r.step().strip(), r.decisions(), fmt(r.mb()), fmt(r.seconds()), fmt(r.perSecond()),
                            fmt(r.mbPerSecond()), Double.isNaN(r.peakMb()) ? "" : fmt(r.peakMb()), r.note());
                }
                if (ratios == null) {
                    System.out.println("Results written to " + file);
                    return;
                }
                csv.printRecord("parallel_efficiency", "", "", "", "", "", "",
                        fmt(ratios.efficiency()));
                csv.printRecord("spark_over_duckdb", "", "", "", "", "", "",
                        fmt(ratios.overDuckdb()));
                csv.printRecord("reports_equal_truth", "", "", "", "", "", "", truthOk);
            }
            System.out.println("Results written to " + file);
        }

        private static String fmt(double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
    }

    private static long[] size(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            long[] s = new long[2];
            files.filter(Files::isRegularFile).forEach(p -> {
                s[0]++;
                s[1] += p.toFile().length();
            });
            return s;
        }
    }

    /** The contenders, each run in a JVM of its own by the harness. */
    private static void measure(String what, Path corpus) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        switch (what) {
            case "floor" -> {
                long bytes = 0;
                for (Path f : files) {
                    bytes += Files.readAllBytes(f).length;
                }
                System.out.println("result: " + bytes + " bytes read");
            }
            case "parser" -> {
                DecisionParser parser = new DecisionParser(CouncilDirectory.bundled());
                long decisions = 0;
                long start = System.nanoTime();
                for (Path f : files) {
                    if (parser.parse(f.toString(), Files.readAllBytes(f)).isDecision()) {
                        decisions++;
                    }
                }
                // The loop alone, as the job's parse stage is timed: without JVM start-up and the listing.
                System.out.printf(Locale.ROOT, "result: %d decisions parsed; read and parse loop in %.1f s%n",
                        decisions, (System.nanoTime() - start) / 1e9);
            }
            case "duckdb" -> duckdb(corpus);
            default -> throw new IllegalArgumentException(what);
        }
    }

    /**
     * What a user would write in DuckDB: the files' text, council and outcome by regex, group by council.
     * read_text refuses the whole corpus at the first file that is not UTF-8 (older pages are Windows-1252), so the
     * peer reads blobs and decodes with try(), which leaves such files without a council.
     */
    private static void duckdb(Path corpus) throws Exception {
        String sql = "SELECT council, count(*) AS decisions, "
                + "sum(CASE WHEN outcome ILIKE 'not upheld%' THEN 0 WHEN outcome ILIKE 'upheld%' THEN 1 ELSE 0 END) "
                + "AS upheld, sum(CASE WHEN outcome ILIKE 'not upheld%' THEN 1 ELSE 0 END) AS not_upheld "
                + "FROM (SELECT regexp_extract(content, '([^\\n>]+?)\\s*\\(\\s*(\\d{2} \\d{3} \\d{3}[a-z]?)\\s*\\)', 1) "
                + "AS council, regexp_extract(content, 'Decision\\s*:\\s*([^\\n<]+)', 1) AS outcome "
                + "FROM (SELECT try(decode(content)) AS content FROM read_blob('" + corpus.toAbsolutePath()
                + "/**'))) GROUP BY council ORDER BY decisions DESC";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("SET threads TO 2");
            int rows = 0;
            long decisions = 0;
            long unread = 0;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows++;
                    decisions += rs.getLong(2);
                    if (rs.getString(1) == null) {
                        unread = rs.getLong(2);
                    }
                }
            }
            System.out.println("result: " + rows + " councils, " + decisions + " files grouped, " + unread
                    + " without a council (not UTF-8)");
        }
    }
}
