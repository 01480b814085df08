package uk.ombudsman.analytics.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.parsing.ParseResult;
import uk.ombudsman.analytics.record.QuarantineReason;
import uk.ombudsman.analytics.reports.Columns;

/**
 * The input corpus: every file under the input, listed once on the driver (paths and sizes only), packed into
 * partitions of similar byte size, then read and parsed on the executors. Unlike Spark's file sources this drops
 * nothing: empty, huge and unreadable files each reach the quarantine with their reason. Hidden files (names
 * starting with '.' or '_', such as .DS_Store or _SUCCESS) are not decisions and are counted, not read.
 */
final class CorpusFiles {
    /**
     * Partitions hold up to this many bytes, so a few huge files do not serialise the run. Every later stage has
     * a task per partition, so smaller partitions cost more in task overhead than they gain in balance.
     */
    private static final long TARGET_PARTITION_BYTES = 64L << 20;
    private static final long MAX_FILE_BYTES = (long) QuarantineReason.MAX_FILE_MB << 20;

    /** The files to read, sorted by path: one compact entry each, since a million of them sit on the driver. */
    record Listing(List<InputFile> files, long totalBytes, long hidden) {
        int count() {
            return files.size();
        }

        /** The same listing narrowed to some of its files. */
        Listing only(java.util.Set<String> paths) {
            List<InputFile> kept = files.stream().filter(f -> paths.contains(f.path())).toList();
            return new Listing(kept, kept.stream().mapToLong(InputFile::length).sum(), hidden);
        }
    }

    private CorpusFiles() {
    }

    static Listing list(Path input, Configuration conf) throws IOException {
        FileSystem fs = input.getFileSystem(conf);
        List<InputFile> found = new ArrayList<>();
        long[] hidden = {0};
        collect(fs, fs.getFileStatus(input), input, found, hidden);
        found.sort(Comparator.comparing(InputFile::path));
        long total = 0;
        for (InputFile f : found) {
            total += f.length();
        }
        return new Listing(found, total, hidden[0]);
    }

    /**
     * Walks the tree with listStatus. Hadoop's listFiles would build a LocatedFileStatus per file, which on a
     * local disk forks a shell per file to read its permissions: minutes for a 100,000-file mirror.
     */
    private static void collect(FileSystem fs, FileStatus status, Path input, List<InputFile> out, long[] hidden)
            throws IOException {
        if (!status.isDirectory()) {
            if (status.getPath().equals(input) || !isHidden(input, status.getPath())) {
                out.add(new InputFile(status.getPath().toString(), status.getLen()));
            } else {
                hidden[0]++;
            }
            return;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            if (isHidden(input, child.getPath())) {
                hidden[0] += child.isDirectory() ? 0 : 1;
                continue;
            }
            collect(fs, child, input, out, hidden);
        }
    }

    /** A name starting with '.' or '_' anywhere below the input, as Hadoop and Spark treat it. */
    private static boolean isHidden(Path input, Path file) {
        for (Path p = file; p != null && !p.equals(input) && p.getName().length() > 0; p = p.getParent()) {
            char c = p.getName().charAt(0);
            if (c == '.' || c == '_') {
                return true;
            }
        }
        return false;
    }

    /** A file to read, with the length the listing found, so executors need not ask the file system again. */
    record InputFile(String path, long length) implements Serializable {
    }

    /** Groups of paths of about equal bytes, at least a few per core so both cores stay busy to the end. */
    static List<List<InputFile>> partitions(Listing listing, int parallelism) {
        long target = Math.max(1, Math.min(TARGET_PARTITION_BYTES,
                listing.totalBytes() / Math.max(1, parallelism * 4L)));
        List<List<InputFile>> out = new ArrayList<>();
        List<InputFile> current = new ArrayList<>();
        long bytes = 0;
        for (InputFile f : listing.files()) {
            current.add(f);
            bytes += f.length();
            if (bytes >= target) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    static Dataset<ParsedFile> parse(SparkSession spark, Listing listing, DecisionParser parser,
            LongAccumulator filesDone) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        var parsed = groups(spark, listing).flatMap(new ReadAndParse(parser, hadoopConf(jsc, spark), filesDone));
        return spark.createDataset(parsed.rdd(), Encoders.bean(ParsedFile.class));
    }

    /**
     * Each file's content digest, without parsing: how a nightly run tells new and changed files from those it
     * has already parsed. Files too large to parse get no digest, so they are looked at again every time.
     */
    static Dataset<Row> digests(SparkSession spark, Listing listing) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableWritable<Configuration>> conf = hadoopConf(jsc, spark);
        JavaRDD<Row> rows = groups(spark, listing).flatMap(group -> group.stream().map(file -> {
            String digest = null;
            if (file.length() <= MAX_FILE_BYTES) {
                try {
                    digest = DecisionParser.sha256(read(file.path(), file.length(), conf.value().value()));
                } catch (IOException e) {
                    // Unreadable now: no digest, so the parse step tries it and quarantines it with the reason.
                }
            }
            return RowFactory.create(file.path(), digest);
        }).iterator());
        return spark.createDataFrame(rows, FILE_INDEX_SCHEMA);
    }

    /** (source, sha256) of every file a run saw: what the next nightly run compares against. */
    static final StructType FILE_INDEX_SCHEMA = new StructType()
            .add(Columns.SOURCE, DataTypes.StringType, false)
            .add(Columns.SOURCE_SHA256, DataTypes.StringType, true);

    private static JavaRDD<List<InputFile>> groups(SparkSession spark, Listing listing) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<List<InputFile>> groups = partitions(listing, jsc.defaultParallelism());
        return jsc.parallelize(groups, Math.max(1, groups.size()));
    }

    private static Broadcast<SerializableWritable<Configuration>> hadoopConf(JavaSparkContext jsc,
            SparkSession spark) {
        return jsc.broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
    }

    /**
     * A local file is read with java.nio directly: building Hadoop Paths and streams costs more than reading a
     * small file. Any other scheme goes through Hadoop's FileSystem.
     */
    private static byte[] read(String source, long length, Configuration conf) throws IOException {
        if (source.startsWith("file:")) {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(java.net.URI.create(source)));
        }
        Path path = new Path(source);
        byte[] bytes = new byte[(int) length];
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            IOUtils.readFully(in, bytes, 0, bytes.length);
        }
        return bytes;
    }

    /** Reads each file of a group and parses it, one at a time: memory holds one file, not the group. */
    private record ReadAndParse(DecisionParser parser, Broadcast<SerializableWritable<Configuration>> conf,
            LongAccumulator filesDone)
            implements FlatMapFunction<List<InputFile>, ParsedFile>, Serializable {
        @Override
        public Iterator<ParsedFile> call(List<InputFile> group) {
            Iterator<InputFile> files = group.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return files.hasNext();
                }

                @Override
                public ParsedFile next() {
                    ParsedFile parsed = readAndParse(files.next());
                    filesDone.add(1);
                    return parsed;
                }
            };
        }

        private ParsedFile readAndParse(InputFile file) {
            String source = file.path();
            long length = file.length();
            if (length > MAX_FILE_BYTES) {
                return ParsedFile.of(source, null, ParseResult.quarantined(QuarantineReason.TOO_LARGE,
                        QuarantineReason.TOO_LARGE.description() + ": " + length + " bytes", ""));
            }
            byte[] bytes;
            try {
                bytes = read(source, length, conf.value().value());
            } catch (IOException | RuntimeException e) {
                return ParsedFile.of(source, null, ParseResult.quarantined(QuarantineReason.UNREADABLE,
                        QuarantineReason.UNREADABLE.description() + ": " + e, ""));
            }
            ParseResult result = parser.parse(source, bytes);
            // A decision carries its digest already; only the rare rejected file is hashed here.
            String digest = result.isDecision() ? result.decision().getSourceSha256() : DecisionParser.sha256(bytes);
            return ParsedFile.of(source, digest, result);
        }
    }
}
