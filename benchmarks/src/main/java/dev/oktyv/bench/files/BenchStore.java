package dev.oktyv.bench.files;

import dev.oktyv.results.DirectoryTree;
import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.FileStoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A File engine store in a fresh temp directory, removed at tear-down. */
final class BenchStore {

    private BenchStore() {
    }

    static Path tempRoot() {
        try {
            return Files.createTempDirectory("oktyv-bench-files-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfinedFileStore open(Path root, boolean fsync) {
        return new ConfinedFileStore(FileStoreConfig.builder(root).maxFileSizeBytes(256L << 20).fsync(fsync).build());
    }

    static void delete(Path root) {
        try {
            DirectoryTree.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
