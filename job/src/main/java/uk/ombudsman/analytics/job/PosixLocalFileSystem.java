package uk.ombudsman.analytics.job;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's checksummed local file system ({@code file:}), with one difference: a file's or folder's permissions are
 * set through java.nio. Without Hadoop's native library, which Spark's distribution and Maven's jars do not carry,
 * Hadoop sets them by starting a {@code chmod} process, and it does so for every file and folder a write creates:
 * about 170 processes for a run on the five-decision sample. Where the native library is loaded, or for the sticky
 * bit, which java.nio cannot set, Hadoop's own way is kept.
 */
public final class PosixLocalFileSystem extends LocalFileSystem {
    public PosixLocalFileSystem() {
        super(new Raw());
    }

    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            // The three actions' symbols ("rwx", "r-x", ...) are the form java.nio reads.
            Set<PosixFilePermission> modes = PosixFilePermissions.fromString(permission.getUserAction().SYMBOL
                    + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL);
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), modes);
            } catch (NoSuchFileException e) {
                // As chmod's failure reaches Hadoop's callers: a missing path is a FileNotFoundException.
                throw new FileNotFoundException("File " + p + " does not exist");
            }
        }
    }
}
