package dev.oktyv.system.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The open vault file: positional reads and appends, the in-place header update, fsync, and detection of the
 * file having been replaced by another process's compaction (a different inode under the same name).
 */
final class VaultFile implements AutoCloseable {

    /** What a test sees of the writes and syncs, to check their order (records durable before the header). */
    interface Observer {
        void wrote(long position, int length);

        void forced();
    }

    private static final Observer NONE = new Observer() {
        @Override
        public void wrote(long position, int length) {
        }

        @Override
        public void forced() {
        }
    };

    private final Path path;
    volatile Observer observer = NONE;
    private FileChannel channel;
    private Object fileKey;

    VaultFile(Path path) throws IOException {
        this.path = path;
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(path, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE);
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    Path path() {
        return path;
    }

    /** Reopens the file under its name, e.g. after compaction renamed a new file over it. */
    void reopen() throws IOException {
        channel.close();
        open();
    }

    /**
     * Whether the name now points at another file than the one open. Without inode numbers (fileKey null,
     * e.g. Windows) we cannot tell, so we answer yes and the caller re-reads the whole file; correct, slower.
     *
     * @throws NoSuchFileException when the vault was deleted
     */
    boolean replacedOnDisk() throws IOException {
        Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        return now == null || !Objects.equals(now, fileKey);
    }

    /** False after {@link #close()}, or after an interrupt closed the channel under a writer (NIO does that). */
    boolean isOpen() {
        return channel.isOpen();
    }

    long size() throws IOException {
        return channel.size();
    }

    /** Bytes from {@code offset} to the current end of the file. */
    byte[] readFrom(long offset) throws IOException {
        long size = channel.size();
        if (size - offset > Integer.MAX_VALUE - 16) {
            throw new IOException("vault file " + path + " is too large (" + size + " bytes)");
        }
        byte[] bytes = new byte[(int) Math.max(0, size - offset)];
        DurableFiles.readFully(channel, ByteBuffer.wrap(bytes), offset);
        return bytes;
    }

    byte[] readHeader() throws IOException {
        byte[] bytes = new byte[(int) Math.min(VaultHeader.LENGTH, channel.size())];
        DurableFiles.readFully(channel, ByteBuffer.wrap(bytes), 0);
        return bytes;
    }

    void write(byte[] bytes, int length, long position) throws IOException {
        DurableFiles.writeFully(channel, ByteBuffer.wrap(bytes, 0, length), position);
        observer.wrote(position, length);
    }

    void truncate(long length) throws IOException {
        channel.truncate(length);
    }

    /**
     * fdatasync: the records and the header are data; the size change is metadata that fdatasync flushes
     * too because it is needed to read the data back. Timestamps are not worth a second journal write.
     */
    void force() throws IOException {
        channel.force(false);
        observer.forced();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
