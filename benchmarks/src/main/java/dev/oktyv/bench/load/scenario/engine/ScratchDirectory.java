package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.results.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh temporary directory owned by one scenario run; {@link #close()} removes it with everything inside. */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** Under {@code parent}, or the system temp directory when it is null. */
    static ScratchDirectory create(Path parent, String prefix) throws IOException {
        return new ScratchDirectory(parent == null ? Files.createTempDirectory(prefix)
                : Files.createTempDirectory(parent, prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        DirectoryTree.delete(path);
    }
}
