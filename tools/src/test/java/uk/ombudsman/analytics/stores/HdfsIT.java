package uk.ombudsman.analytics.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.generate.CorpusGenerator;
import uk.ombudsman.analytics.job.DecisionJob;
import uk.ombudsman.analytics.job.JobConfig;
import uk.ombudsman.analytics.job.JobProgress;
import uk.ombudsman.analytics.job.JobResult;
import uk.ombudsman.analytics.job.ReportSettings;
import uk.ombudsman.analytics.nightly.NightlyRun;

/**
 * The job on HDFS: Hadoop's own mini-cluster (a name node and a data node in this JVM, on 127.0.0.1), input and
 * output as hdfs:// URIs, and a nightly run whose landing folder is on HDFS. Reports equal a local run's.
 */
class HdfsIT {
    /** How long a client first waits before asking again whether its file is closed (400 ms by default). */
    private static final String CLIENT_CLOSE_WAIT = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";

    @TempDir
    static Path dir;
    static MiniDFSCluster hdfs;
    static Configuration conf;
    static String root;
    static Path corpus;
    static Path localOutput;

    @BeforeAll
    static void startHdfsAndRunLocally() throws IOException {
        conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        // Every small file needed a second ask before it counted as closed, 400 ms later: 80 s for the corpus.
        conf.setInt(CLIENT_CLOSE_WAIT, 5);
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        root = hdfs.getFileSystem().getUri().toString();
        SharedSpark.get().sparkContext().hadoopConfiguration().setInt(CLIENT_CLOSE_WAIT, 5);
        new CorpusGenerator(400, 31).writeTo(dir.resolve("gen"));
        corpus = dir.resolve("gen").resolve(CorpusGenerator.CORPUS);
        StoreOutputs.upload(corpus, new org.apache.hadoop.fs.Path(root + "/landing"), conf);
        localOutput = dir.resolve("local-output");
        JobRuns.run(corpus, localOutput);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void aRunReadingAndWritingHdfsWritesTheReportsALocalRunWrites() throws IOException {
        String output = root + "/reports/latest";
        JobResult result = run(root + "/landing", output);
        assertEquals(output, result.output(), "on HDFS a rename is atomic: the output is the folder itself");

        FileSystem fs = hdfs.getFileSystem();
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(output, OutputLayout.MANIFEST)));
        assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path(root + "/reports")).length,
                "no staging folder is left beside the output");
        Path back = StoreOutputs.download(new org.apache.hadoop.fs.Path(output), dir.resolve("from-hdfs"), conf);
        StoreOutputs.assertSameCsvs(localOutput, "file:" + corpus, back, root + "/landing");
        StoreOutputs.assertClean(back);

        // A second run over the first replaces it whole.
        run(root + "/landing", output);
        assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path(root + "/reports")).length);
    }

    @Test
    void aNightlyRunTakesItsLandingFolderFromHdfs() throws IOException {
        Path nightlyRoot = dir.resolve("nightly");
        NightlyRun.Outcome first = nightly(nightlyRoot, NightlyRun.stamp(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(NightlyRun.Outcome.Status.PUBLISHED, first.status());
        StoreOutputs.assertSameCsvs(localOutput, "file:" + corpus, first.run(), root + "/landing");

        // Nothing arrived: nothing is parsed again, whatever store the landing folder is on.
        NightlyRun.Outcome second = nightly(nightlyRoot, NightlyRun.stamp(java.time.Instant.parse("2026-01-02T00:00:00Z")));
        assertEquals(NightlyRun.Outcome.Status.NOTHING_NEW, second.status());
    }

    private static NightlyRun.Outcome nightly(Path nightlyRoot, String stamp) {
        NightlyRun.Options options = new NightlyRun.Options(root + "/landing", nightlyRoot, 3, 0.5, null,
                ReportSettings.DEFAULT, null);
        return new NightlyRun(SharedSpark::get, options, JobProgress.SILENT).run(stamp);
    }

    private static JobResult run(String input, String output) {
        return new DecisionJob(SharedSpark.get(), new JobConfig(input, output, null), JobProgress.SILENT).run();
    }

}
