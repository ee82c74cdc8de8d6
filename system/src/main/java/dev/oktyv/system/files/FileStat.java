package dev.oktyv.system.files;

import java.time.Instant;
import java.util.Optional;

/**
 * Metadata of one path, read without following a final symlink.
 *
 * @param path         the relative path as given
 * @param permissions  e.g. {@code rw-------}; empty on a file system without POSIX permissions
 */
public record FileStat(String path, FileType type, long sizeBytes, Instant lastModified,
                       Optional<String> permissions) {
}
