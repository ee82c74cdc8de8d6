package dev.oktyv.system.service.adapters;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.FileBackend;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Names in the file root the service keeps for itself (the files health check's probe file): a client writing
 * there, even a directory of that name, would make the check fail for good. Refused as the first path segment,
 * so {@code .health-probe} and {@code .health-probe/x} both are.
 */
public final class ReservedFiles implements FileBackend {

    private final FileBackend delegate;
    private final Set<String> reserved;

    public ReservedFiles(FileBackend delegate, Set<String> reservedTopLevelNames) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.reserved = Set.copyOf(reservedTopLevelNames);
    }

    @Override
    public Optional<byte[]> read(String relativePath) throws Exception {
        return delegate.read(relativePath);
    }

    @Override
    public void write(String relativePath, byte[] content) throws Exception {
        int slash = relativePath.indexOf('/');
        String first = slash < 0 ? relativePath : relativePath.substring(0, slash);
        if (reserved.contains(first)) {
            throw new ApiException(403, "reserved", "file name '" + first + "' is reserved for the service");
        }
        delegate.write(relativePath, content);
    }
}
