package dev.oktyv.bench.filestore;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.FileStoreConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where a command's file store lives: a local directory (or the command's default one) or an S3 prefix. */
public sealed interface FileLocation {

    /** The command's own default (e.g. {@code serve}'s temp directory). */
    static FileLocation localDefault() {
        return new Local(Optional.empty());
    }

    StoreBackend backend();

    /**
     * @param defaultRoot the directory a {@link Local} location without one uses
     * @throws IllegalArgumentException when the S3 vault or a credential reference cannot be opened
     */
    OpenedStore open(Path defaultRoot);

    /** @param dir empty for the caller's default root */
    record Local(Optional<Path> dir) implements FileLocation {
        public Local {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public StoreBackend backend() {
            return StoreBackend.LOCAL;
        }

        @Override
        public OpenedStore open(Path defaultRoot) {
            Path root = dir.orElse(defaultRoot);
            ConfinedFileStore store = new ConfinedFileStore(FileStoreConfig.builder(root).build());
            // The temp directory's path is not printed: nothing of the service's own layout reaches its output.
            return new OpenedStore(store, dir.map(d -> "local directory " + d)
                    .orElse("a temporary local directory (deleted on exit)"), () -> { });
        }
    }

    record S3(S3Settings settings) implements FileLocation {
        public S3 {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public StoreBackend backend() {
            return StoreBackend.S3;
        }

        @Override
        public OpenedStore open(Path defaultRoot) {
            return settings.open();
        }
    }
}
