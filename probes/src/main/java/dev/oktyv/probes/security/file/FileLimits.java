package dev.oktyv.probes.security.file;

/**
 * The limits a probe configures the store with, so that it knows where refusal must happen.
 *
 * @param maxFileSizeBytes  largest file a write may produce
 * @param maxZipEntries     most entries an extraction may produce
 * @param maxZipTotalBytes  most bytes an extraction may inflate
 */
public record FileLimits(long maxFileSizeBytes, int maxZipEntries, long maxZipTotalBytes) {

    public FileLimits {
        if (maxFileSizeBytes < 1 || maxZipEntries < 1 || maxZipTotalBytes < 1) {
            throw new IllegalArgumentException("file limits must be positive, were " + maxFileSizeBytes + ", "
                    + maxZipEntries + ", " + maxZipTotalBytes);
        }
    }

    /** Small limits, so a probe can exceed them with little data: 1 MiB files, 100 entries, 8 MiB inflated. */
    public static FileLimits small() {
        return new FileLimits(1L << 20, 100, 8L << 20);
    }
}
