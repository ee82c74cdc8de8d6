package dev.oktyv.system.service.adapters;

import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.FileStoreException;
import dev.oktyv.system.files.FileTooLargeException;
import dev.oktyv.system.files.PathOutsideRootException;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.FileBackend;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import java.util.Optional;

/**
 * The File engine behind the file routes, on either backend (local directory or S3 prefix). The engine confines
 * every path to its root or prefix and names the path as given in its messages; the client still gets fixed
 * texts, never the engine's message, so no absolute path or bucket URL can leak. Outside the root is 403, too large 413, a missing file 404 (empty).
 */
public final class FileStoreBackend implements FileBackend {

    private final FileStore store;

    public FileStoreBackend(FileStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<byte[]> read(String relativePath) {
        try {
            return Optional.of(store.read(relativePath));
        } catch (PathOutsideRootException e) {
            throw outside();
        } catch (FileTooLargeException e) {
            throw tooLarge();
        } catch (FileStoreException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return Optional.empty();
            }
            throw failed();
        }
    }

    @Override
    public void write(String relativePath, byte[] content) {
        try {
            store.write(relativePath, content);
        } catch (PathOutsideRootException e) {
            throw outside();
        } catch (FileTooLargeException e) {
            throw tooLarge();
        } catch (FileStoreException e) {
            throw failed();
        }
    }

    private static ApiException outside() {
        return new ApiException(403, "forbidden", "path is outside the file root");
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "too_large", "file exceeds the file engine's size limit");
    }

    private static ApiException failed() {
        return new ApiException(500, "files_error", "the file engine failed; see the service log");
    }
}
