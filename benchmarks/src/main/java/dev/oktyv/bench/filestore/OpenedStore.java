package dev.oktyv.bench.filestore;

import dev.oktyv.system.files.FileStore;
import java.util.Objects;

/**
 * A file store opened for a command or workload, with what closing it takes (an S3 store also closes its HTTP
 * client and the vault its credentials came from).
 *
 * @param description one line for the console, never a credential
 */
public record OpenedStore(FileStore store, String description, Runnable closer) implements AutoCloseable {

    public OpenedStore {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(closer, "closer");
    }

    @Override
    public void close() {
        closer.run();
    }
}
