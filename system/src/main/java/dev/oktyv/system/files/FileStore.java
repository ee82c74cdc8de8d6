package dev.oktyv.system.files;

import java.io.InputStream;
import java.util.List;

/**
 * The operations of the File engine that every backend offers: the root-confined local directory
 * ({@link ConfinedFileStore}) and an S3 bucket under a key prefix ({@code dev.oktyv.system.files.s3.S3FileStore}).
 * Paths are relative to the store's root (or prefix) and are screened by {@link TraversalCheck} in both, so a path
 * refused by one backend is refused by the other, with {@link PathOutsideRootException}. Writes are bounded by the
 * backend's maximum file size ({@link FileTooLargeException}) and never leave a partial file or object behind.
 */
public interface FileStore {

    byte[] read(String path);

    void write(String path, byte[] data);

    /** Streams {@code data} into {@code path}; the stream is read but not closed. @return bytes written */
    long write(String path, InputStream data);

    /** @return bytes copied */
    long copy(String from, String to);

    /** @return false when nothing was there */
    boolean delete(String path);

    /** Entries directly under {@code dir}, sorted by name. */
    List<FileEntry> list(String dir);

    FileStat stat(String path);

    boolean exists(String path);

    Digest hash(String path, HashAlgorithm algorithm);
}
