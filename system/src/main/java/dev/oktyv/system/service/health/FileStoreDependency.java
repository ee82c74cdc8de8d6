package dev.oktyv.system.service.health;

import dev.oktyv.system.files.FileStore;
import java.util.Objects;

/**
 * The file store behind the file routes (local or S3: the check only writes and deletes one object).
 *
 * @param probeFile the file the check writes and deletes; the service must refuse it to clients, or a client
 *                  could make the check fail
 */
public record FileStoreDependency(FileStore files, String probeFile) {

    public FileStoreDependency {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(probeFile, "probeFile");
    }
}
