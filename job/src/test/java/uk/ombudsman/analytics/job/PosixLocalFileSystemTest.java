package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.SharedSpark;

class PosixLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void theJobsSessionWritesLocalFilesThroughIt() throws IOException {
        Configuration hadoop = SharedSpark.get().sparkContext().hadoopConfiguration();
        assertInstanceOf(PosixLocalFileSystem.class, new Path(dir.toUri()).getFileSystem(hadoop));
    }

    @Test
    void filesAndFoldersGetThePermissionsHadoopWouldGiveThem() throws IOException {
        FileSystem fs = fileSystem();
        Path folder = new Path(dir.resolve("a/b").toUri());
        fs.mkdirs(folder, new FsPermission((short) 0750));
        assertEquals("rwxr-x---", permissions(dir.resolve("a/b")));
        try (FSDataOutputStream out = fs.create(new Path(folder, "part.csv"))) {
            out.writeBytes("a,b\n");
        }
        // Hadoop's default for a new file, 0666 less the umask 022.
        assertEquals("rw-r--r--", permissions(dir.resolve("a/b/part.csv")));
        fs.setPermission(new Path(folder, "part.csv"), new FsPermission((short) 0604));
        assertEquals("rw----r--", permissions(dir.resolve("a/b/part.csv")));
    }

    @Test
    void theStickyBitIsLeftToHadoopsOwnWay() throws IOException {
        FileSystem fs = fileSystem();
        Path folder = new Path(dir.resolve("shared").toUri());
        fs.mkdirs(folder);
        fs.setPermission(folder, new FsPermission((short) 01777));
        assertEquals("rwxrwxrwx", permissions(dir.resolve("shared")));
        assertTrue(fs.getFileStatus(folder).getPermission().getStickyBit(), "the sticky bit is set");
    }

    @Test
    void aMissingPathIsAFileNotFound() throws IOException {
        FileSystem fs = fileSystem();
        assertThrows(FileNotFoundException.class,
                () -> fs.setPermission(new Path(dir.resolve("gone").toUri()), new FsPermission((short) 0644)));
    }

    private static FileSystem fileSystem() throws IOException {
        PosixLocalFileSystem fs = new PosixLocalFileSystem();
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
        return fs;
    }

    private static String permissions(java.nio.file.Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
