package dev.oktyv.system.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Immutable File engine configuration; {@link #builder(Path)} validates each value as it is set.
 *
 * @param root                 the directory every path is confined to (created 0700 if missing, tightened to 0700
 *                             if it exists and is open to others: it lists what the store holds)
 * @param maxFileSizeBytes     largest file a write, copy, read or zip entry may produce (default 100 MiB)
 * @param maxZipEntries        most entries an extracted zip may have (default 10,000)
 * @param maxZipTotalBytes     most bytes, actually inflated, an extracted zip may produce (default 1 GiB)
 * @param maxZipCompressionRatio most bytes an extracted zip may inflate to per byte of archive read (default 100),
 *                             judged once more than 1 MiB was inflated; so a 1 MiB archive is refused after about
 *                             100 MiB, not at the total limit
 * @param fsync                force file contents to disk before the atomic rename, and the directory after it
 *                             (default true); without it a crash can leave the new name pointing at an empty file
 *                             on some file systems, or lose the rename
 */
public record FileStoreConfig(Path root, long maxFileSizeBytes, int maxZipEntries, long maxZipTotalBytes,
                              int maxZipCompressionRatio, boolean fsync) {

    public FileStoreConfig {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
        checkPositive("maxFileSizeBytes", maxFileSizeBytes);
        checkPositive("maxZipEntries", maxZipEntries);
        checkPositive("maxZipTotalBytes", maxZipTotalBytes);
        checkPositive("maxZipCompressionRatio", maxZipCompressionRatio);
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    private static void checkPositive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
    }

    public static final class Builder {
        private final Path root;
        private long maxFileSizeBytes = 100L << 20;
        private int maxZipEntries = 10_000;
        private long maxZipTotalBytes = 1L << 30;
        private int maxZipCompressionRatio = 100;
        private boolean fsync = true;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        public Builder maxFileSizeBytes(long bytes) {
            checkPositive("maxFileSizeBytes", bytes);
            this.maxFileSizeBytes = bytes;
            return this;
        }

        public Builder maxZipEntries(int entries) {
            checkPositive("maxZipEntries", entries);
            this.maxZipEntries = entries;
            return this;
        }

        public Builder maxZipTotalBytes(long bytes) {
            checkPositive("maxZipTotalBytes", bytes);
            this.maxZipTotalBytes = bytes;
            return this;
        }

        public Builder maxZipCompressionRatio(int ratio) {
            checkPositive("maxZipCompressionRatio", ratio);
            this.maxZipCompressionRatio = ratio;
            return this;
        }

        public Builder fsync(boolean on) {
            this.fsync = on;
            return this;
        }

        public FileStoreConfig build() {
            return new FileStoreConfig(root, maxFileSizeBytes, maxZipEntries, maxZipTotalBytes,
                    maxZipCompressionRatio, fsync);
        }
    }
}
