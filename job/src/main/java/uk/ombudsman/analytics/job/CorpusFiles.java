package uk.ombudsman.analytics.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
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
import uk.ombudsman.analytics.base.Digests;
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
    /**
     * Nor fewer than this, unless the input is smaller: a few megabytes parse in well under a second, and each
     * extra partition is a task in every stage (the five-file sample was five tasks in each of some 40 stages).
     */
    static final long MIN_PARTITION_BYTES = 4L << 20;
    private static final long MAX_FILE_BYTES = (long) QuarantineReason.MAX_FILE_MB << 20;

    /** The files to read, sorted by path: one compact entry each, since a million of them sit on the driver. */
    record Listing(List<InputFile> files, long totalBytes, long hidden) {
        int count() {
            return files.size();
        }

        /** The same listing narrowed to some of its files. */
        Listing only(java.util.Set<String> paths) {
            List<InputFile> kept = files.stream().filter(f -> paths.contains(f.path())).toList();
            return new Listing(kept, kept.stream().mapToLong(f -> Math.max(0, f.length())).sum(), hidden);
        }
    }

    private CorpusFiles() {
    }

    static Listing list(Path input, Configuration conf) throws IOException {
        FileSystem fs = input.getFileSystem(conf);
        java.io.File local = fs instanceof RawLocalFileSystem raw ? raw.pathToFile(input)
                : fs instanceof LocalFileSystem checked ? checked.pathToFile(input) : null;
        if (local == null) {
            return listWithHadoop(fs, input);
        }
        List<InputFile> found = new ArrayList<>();
        long[] hidden = {0};
        walkLocal(local.toPath(), fs.makeQualified(input).toString(), found, hidden);
        return sorted(found, hidden[0]);
    }

    /**
     * The walk any file system but the local disk takes: one recursive listing, which an object store answers
     * with a flat listing of keys, page by page, rather than a request per folder. (On a local disk Hadoop would
     * build a located status per file, forking a shell for each one's permissions: the java.nio walk below.)
     */
    static Listing listWithHadoop(FileSystem fs, Path input) throws IOException {
        List<InputFile> found = new ArrayList<>();
        long hidden = 0;
        Path root = fs.makeQualified(input);
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            FileStatus f = files.next();
            Path path = f.getPath();
            if (path.equals(root)) {
                found.add(new InputFile(path.toString(), f.getLen()));
            } else if (isHidden(root, path.getParent())) {
                continue; // inside a hidden folder: neither read nor counted, as the local walk skips it
            } else if (isHiddenName(path.getName())) {
                hidden++;
            } else {
                found.add(new InputFile(path.toString(), f.getLen()));
            }
        }
        return sorted(found, hidden);
    }

    private static Listing sorted(List<InputFile> found, long hidden) {
        found.sort(Comparator.comparing(InputFile::path));
        long total = 0;
        for (InputFile f : found) {
            total += Math.max(0, f.length());
        }
        return new Listing(found, total, hidden);
    }

    /**
     * The same walk on a local disk with java.nio, which reads each file's size with the directory entry: Hadoop's
     * listStatus took 8 s for 100,000 local files, this well under one. Paths are named as Hadoop names them
     * (the input's qualified name, then the relative path), so a run's sources do not depend on which walk listed
     * them. Links are followed, as Hadoop follows them.
     */
    private static void walkLocal(java.nio.file.Path root, String rootName, List<InputFile> out, long[] hidden)
            throws IOException {
        String folder = rootName.endsWith("/") ? rootName : rootName + "/";
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(java.nio.file.Path dir, BasicFileAttributes attrs) {
                        return dir.equals(root) || !isHiddenName(dir) ? FileVisitResult.CONTINUE
                                : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
                        if (file.equals(root)) {
                            out.add(new InputFile(rootName, attrs.size()));
                        } else if (isHiddenName(file)) {
                            hidden[0]++;
                        } else {
                            out.add(new InputFile(folder + root.relativize(file).toString().replace(
                                    java.io.File.separatorChar, '/'), attrs.size()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e)
                            throws IOException {
                        if (!(e instanceof FileSystemLoopException)) {
                            throw e;
                        }
                        // Listed, so the run quarantines it with its reason; the walk goes on without it.
                        out.add(new InputFile(folder + root.relativize(file).toString().replace(
                                java.io.File.separatorChar, '/'), LOOPING_LINK));
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static boolean isHiddenName(java.nio.file.Path p) {
        return isHiddenName(p.getFileName().toString());
    }

    /** A name starting with '.' or '_', as Hadoop and Spark treat it. */
    private static boolean isHiddenName(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** A hidden name anywhere below the input. */
    private static boolean isHidden(Path input, Path file) {
        for (Path p = file; p != null && !p.equals(input) && p.getName().length() > 0; p = p.getParent()) {
            if (isHiddenName(p.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file to read, with the length the listing found, so executors need not ask the file system again; a link
     * that loops back to a folder above it is listed with the length {@link #LOOPING_LINK}.
     */
    record InputFile(String path, long length) {
    }

    /** The length a looping link is listed with: it has none, and the parse step quarantines it. */
    static final long LOOPING_LINK = -1;

    /**
     * Groups of paths of about equal bytes, at least a few per core so both cores stay busy to the end, unless
     * that would make them smaller than {@link #MIN_PARTITION_BYTES}.
     */
    static List<List<InputFile>> partitions(Listing listing, int parallelism) {
        long target = Math.max(MIN_PARTITION_BYTES, Math.min(TARGET_PARTITION_BYTES,
                listing.totalBytes() / Math.max(1, parallelism * 4L)));
        List<List<InputFile>> out = new ArrayList<>();
        List<InputFile> current = new ArrayList<>();
        long bytes = 0;
        for (InputFile f : listing.files()) {
            current.add(f);
            bytes += Math.max(0, f.length());
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
            LongAccumulator filesDone, ParseSpan span) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        var parsed = groups(spark, listing).flatMap(new ReadAndParse(parser, hadoopConf(jsc, spark), filesDone,
                span));
        return spark.createDataset(parsed.rdd(), Encoders.bean(ParsedFile.class));
    }

    /**
     * Each file's content digest, without parsing: how a nightly run tells new and changed files from those it
     * has already parsed. Files too large to parse get no digest, so they are looked at again every time.
     */
    static Dataset<Row> digests(SparkSession spark, Listing listing) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableWritable<Configuration>> conf = hadoopConf(jsc, spark);
        JavaRDD<Row> rows = groups(spark, listing).flatMap(group -> group.files().stream().map(file -> {
            String digest = null;
            if (file.length() != LOOPING_LINK && file.length() <= MAX_FILE_BYTES) {
                try {
                    digest = Digests.sha256(read(file.path(), file.length(), conf.value().value()));
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

    private static JavaRDD<FileGroup> groups(SparkSession spark, Listing listing) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<FileGroup> groups = partitions(listing, jsc.defaultParallelism()).stream().map(FileGroup::of).toList();
        return jsc.parallelize(groups, Math.max(1, groups.size()));
    }

    private static Broadcast<SerializableWritable<Configuration>> hadoopConf(JavaSparkContext jsc,
            SparkSession spark) {
        return jsc.broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
    }

    private static final String LOCAL = "file:/";

    /**
     * A local file is read with java.nio directly: building Hadoop Paths and streams costs more than reading a
     * small file. Any other scheme goes through Hadoop's FileSystem.
     */
    static byte[] read(String source, long length, Configuration conf) throws IOException {
        if (source.startsWith(LOCAL)) {
            // Hadoop names a local file file:/path, unescaped: the rest is the path as it stands (spaces and all).
            return Files.readAllBytes(java.nio.file.Path.of(source.substring(LOCAL.length() - 1)));
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
            LongAccumulator filesDone, ParseSpan span)
            implements FlatMapFunction<FileGroup, ParsedFile>, Serializable {
        @Override
        public Iterator<ParsedFile> call(FileGroup group) {
            Iterator<InputFile> files = group.files().iterator();
            long started = System.currentTimeMillis();
            return new Iterator<>() {
                private boolean timed;

                @Override
                public boolean hasNext() {
                    boolean more = files.hasNext();
                    if (!more && !timed) {
                        timed = true;
                        span.add(new long[] {started, System.currentTimeMillis()});
                    }
                    return more;
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
            if (length == LOOPING_LINK) {
                return ParsedFile.of(source, null, ParseResult.quarantined(QuarantineReason.LINK_LOOP,
                        QuarantineReason.LINK_LOOP.description(), ""));
            }
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
            String digest = result.isDecision() ? result.decision().getSourceSha256() : Digests.sha256(bytes);
            return ParsedFile.of(source, digest, result);
        }
    }
}
