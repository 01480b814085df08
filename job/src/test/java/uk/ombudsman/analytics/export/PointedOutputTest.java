package uk.ombudsman.analytics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object-store commit, its rules checked on a local folder (S3IT runs it on S3): runs side by side, a pointer
 * written last, readers sent to the newest complete run, the one before kept, the rest cleared.
 */
class PointedOutputTest {
    @TempDir
    java.nio.file.Path dir;

    private static FileSystem fs() throws IOException {
        return FileSystem.getLocal(new Configuration());
    }

    private Path output() throws IOException {
        return fs().makeQualified(new Path(dir.resolve("out").toUri()));
    }

    /** A run writes a report and its manifest, as the job does, and commits. */
    private void publish(String runId, String content) throws IOException {
        PointedOutput out = PointedOutput.open(fs(), output(), runId);
        AtomicOutput.writeSmall(fs(), new Path(out.staging(), "report.csv"), content);
        AtomicOutput.writeSmall(fs(), new Path(out.staging(), AtomicOutput.MANIFEST), "{}");
        out.commit();
    }

    private String latestReport() throws IOException {
        return AtomicOutput.readSmall(fs(), new Path(AtomicOutput.latest(fs(), output()), "report.csv"));
    }

    private List<String> runs() throws IOException {
        return Arrays.stream(fs().listStatus(new Path(output(), PointedOutput.RUNS)))
                .map(s -> s.getPath().getName()).sorted().toList();
    }

    @Test
    void readersAreSentToTheNewestCompleteRunAndTheOneBeforeStays() throws IOException {
        assertNull(AtomicOutput.latest(fs(), output()), "nothing yet");
        publish("20260101T000000Z-a", "first");
        assertEquals("first", latestReport());
        assertEquals("runs/20260101T000000Z-a", AtomicOutput.readSmall(fs(), new Path(output(), "_latest")));

        publish("20260102T000000Z-b", "second");
        publish("20260103T000000Z-c", "third");
        assertEquals("third", latestReport());
        assertEquals(List.of("20260102T000000Z-b", "20260103T000000Z-c"), runs());
    }

    @Test
    void aRunThatNeverCommitsIsInvisibleToReadersAndClearedByTheNextThatDoes() throws IOException {
        publish("20260101T000000Z-a", "good");
        PointedOutput killed = PointedOutput.open(fs(), output(), "20260102T000000Z-killed");
        AtomicOutput.writeSmall(fs(), new Path(killed.staging(), "report.csv"), "half");
        // The process dies here: no manifest, no pointer.
        assertEquals("good", latestReport());

        publish("20260103T000000Z-c", "next");
        assertEquals(List.of("20260101T000000Z-a", "20260103T000000Z-c"), runs());
    }

    @Test
    void aRunWithoutItsManifestIsNotPublished() throws IOException {
        PointedOutput out = PointedOutput.open(fs(), output(), "20260101T000000Z-a");
        assertThrows(AtomicOutput.OutputException.class, out::commit);
        assertFalse(fs().exists(new Path(output(), PointedOutput.POINTER)));
        out.abort();
        assertEquals(List.of(), runs());
    }

    @Test
    void aFolderOfSomethingElseIsRefusedAndADamagedPointerIsReportedThenMended() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/thesis.docx"), "years of work");
        AtomicOutput.OutputException refused = assertThrows(AtomicOutput.OutputException.class,
                () -> PointedOutput.open(fs(), output(), "r"));
        assertTrue(refused.getMessage().contains("is not a report folder of this job"), refused.getMessage());

        Files.delete(dir.resolve("out/thesis.docx"));
        Files.writeString(dir.resolve("out/_latest"), "../../etc\n");
        AtomicOutput.OutputException damaged = assertThrows(AtomicOutput.OutputException.class,
                () -> AtomicOutput.latest(fs(), output()));
        assertTrue(damaged.getMessage().contains("does not name a run folder"), damaged.getMessage());
        publish("20260101T000000Z-a", "mended");
        assertEquals("mended", latestReport());
    }

    @Test
    void onlyTheLocalDiskHdfsAndViewfsCountAsRenamingAtomically() throws IOException {
        assertTrue(AtomicOutput.renamesAtomically(fs()));
        Configuration conf = new Configuration();
        for (String scheme : new String[] {"s3a", "gs", "abfs", "hdfs"}) {
            conf.set("fs." + scheme + ".impl", SchemeOnly.class.getName());
            conf.setBoolean("fs." + scheme + ".impl.disable.cache", true);
            FileSystem store = new Path(scheme + "://bucket/").getFileSystem(conf);
            assertEquals(scheme.equals("hdfs"), AtomicOutput.renamesAtomically(store), scheme);
        }
    }

    /** A local file system under another scheme's name: the commit looks at the scheme alone. */
    public static final class SchemeOnly extends org.apache.hadoop.fs.RawLocalFileSystem {
        private String scheme;

        @Override
        public void initialize(java.net.URI uri, Configuration conf) throws IOException {
            super.initialize(uri, conf);
            scheme = uri.getScheme();
        }

        @Override
        public String getScheme() {
            return scheme;
        }
    }
}
