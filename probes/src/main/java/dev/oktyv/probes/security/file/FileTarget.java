package dev.oktyv.probes.security.file;

import java.nio.file.Path;

/**
 * What the file probes attack: a factory for a file store confined to a root the probe chooses, with the limits it
 * chooses. The command registers {@link EngineFileTarget} over the real engine; a test registers a weakened one
 * (confinement off, a naive extractor, a non-atomic writer).
 */
public interface FileTarget {

    /** One line for evidence. */
    String description();

    /** A store confined to {@code root} (created if absent) with {@code limits}. */
    FileEngine open(Path root, FileLimits limits);
}
