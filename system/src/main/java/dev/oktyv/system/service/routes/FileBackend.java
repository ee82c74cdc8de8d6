package dev.oktyv.system.service.routes;

import java.util.Optional;

/**
 * What the file routes need from the File engine. Paths are relative, '/'-separated, already free of dot
 * segments; the engine still confines them to its root and throws IllegalArgumentException when it refuses one.
 */
public interface FileBackend {

    Optional<byte[]> read(String relativePath) throws Exception;

    void write(String relativePath, byte[] content) throws Exception;
}
