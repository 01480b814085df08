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
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import uk.ombudsman.analytics.parsing.DecisionParser;
import uk.ombudsman.analytics.parsing.ParseResult;
import uk.ombudsman.analytics.record.QuarantineReason;

/**
 * The input corpus: every file under the input, listed once on the driver (paths and sizes only), packed into
 * partitions of similar byte size, then read and parsed on the executors. Unlike Spark's file sources this drops
 * nothing: empty, huge and unreadable files each reach the quarantine with their reason. Hidden files (names
 * starting with '.' or '_', such as .DS_Store or _SUCCESS) are not decisions and are counted, not read.
 */
final class CorpusFiles {
    /** Partitions hold about this many bytes, so a few huge files do not serialise the run. */
    private static final long TARGET_PARTITION_BYTES = 16L << 20;
    private static final long MAX_FILE_BYTES = (long) QuarantineReason.MAX_FILE_MB << 20;

    record Listing(List<String> paths, List<Long> sizes, long totalBytes, long hidden) {
        int files() {
            return paths.size();
        }
    }

    private CorpusFiles() {
    }

    static Listing list(Path input, Configuration conf) throws IOException {
        FileSystem fs = input.getFileSystem(conf);
        record Entry(String path, long size) {
        }
        List<Entry> entries = new ArrayList<>();
        long hidden = 0;
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(input, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (isHidden(input, f.getPath())) {
                hidden++;
            } else {
                entries.add(new Entry(f.getPath().toString(), f.getLen()));
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        List<String> paths = new ArrayList<>(entries.size());
        List<Long> sizes = new ArrayList<>(entries.size());
        long total = 0;
        for (Entry e : entries) {
            paths.add(e.path());
            sizes.add(e.size());
            total += e.size();
        }
        return new Listing(paths, sizes, total, hidden);
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

    /** Groups of paths of about equal bytes, at least a few per core so both cores stay busy to the end. */
    static List<List<String>> partitions(Listing listing, int parallelism) {
        long target = Math.max(1, Math.min(TARGET_PARTITION_BYTES,
                listing.totalBytes() / Math.max(1, parallelism * 4L)));
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < listing.files(); i++) {
            current.add(listing.paths().get(i));
            bytes += listing.sizes().get(i);
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

    static Dataset<ParsedFile> parse(SparkSession spark, Listing listing, DecisionParser parser) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<List<String>> groups = partitions(listing, jsc.defaultParallelism());
        Broadcast<SerializableWritable<Configuration>> conf =
                jsc.broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
        var parsed = jsc.parallelize(groups, Math.max(1, groups.size()))
                .flatMap(new ReadAndParse(parser, conf));
        return spark.createDataset(parsed.rdd(), Encoders.bean(ParsedFile.class));
    }

    /** Reads each file of a group and parses it, one at a time: memory holds one file, not the group. */
    private record ReadAndParse(DecisionParser parser, Broadcast<SerializableWritable<Configuration>> conf)
            implements FlatMapFunction<List<String>, ParsedFile>, Serializable {
        @Override
        public Iterator<ParsedFile> call(List<String> group) {
            Iterator<String> paths = group.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return paths.hasNext();
                }

                @Override
                public ParsedFile next() {
                    String source = paths.next();
                    return ParsedFile.of(source, readAndParse(source));
                }
            };
        }

        private ParseResult readAndParse(String source) {
            Path path = new Path(source);
            try {
                FileSystem fs = path.getFileSystem(conf.value().value());
                long length = fs.getFileStatus(path).getLen();
                if (length > MAX_FILE_BYTES) {
                    return ParseResult.quarantined(QuarantineReason.TOO_LARGE,
                            QuarantineReason.TOO_LARGE.description() + ": " + length + " bytes", "");
                }
                byte[] bytes = new byte[(int) length];
                try (InputStream in = fs.open(path)) {
                    IOUtils.readFully(in, bytes, 0, bytes.length);
                }
                return parser.parse(source, bytes);
            } catch (IOException | RuntimeException e) {
                return ParseResult.quarantined(QuarantineReason.UNREADABLE,
                        QuarantineReason.UNREADABLE.description() + ": " + e, "");
            }
        }
    }
}
