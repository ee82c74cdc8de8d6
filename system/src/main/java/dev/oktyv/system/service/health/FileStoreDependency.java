package dev.oktyv.system.service.health;

import dev.oktyv.system.files.ConfinedFileStore;
import java.util.Objects;

/**
 * The file store behind the file routes.
 *
 * @param probeFile the file the check writes and deletes; the service must refuse it to clients, or a client
 *                  could make the check fail
 */
public record FileStoreDependency(ConfinedFileStore files, String probeFile) {

    public FileStoreDependency {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(probeFile, "probeFile");
    }
}
