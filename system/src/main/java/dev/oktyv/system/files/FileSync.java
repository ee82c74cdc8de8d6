package dev.oktyv.system.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The two syncs a durable write needs, behind a seam so that tests can count them (a missing directory sync is
 * invisible to every functional test: it only matters at a power cut).
 */
interface FileSync {

    /** fsync of the file's data and metadata, before the rename publishes it. */
    void file(FileChannel channel) throws IOException;

    /** fsync of a directory, after a rename into (or out of) it, so that the rename itself is durable. */
    void directory(Path dir) throws IOException;

    FileSync DISK = new FileSync() {
        @Override
        public void file(FileChannel channel) throws IOException {
            channel.force(true);
        }

        @Override
        public void directory(Path dir) throws IOException {
            // Opening a directory for reading is how the JDK reaches fsync(dirfd); Windows cannot open one and
            // journals renames itself.
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            try (FileChannel ch = FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    };
}
