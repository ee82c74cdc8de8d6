package dev.oktyv.system.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only modes for everything the store creates: files 0600, directories 0700. They are set at creation
 * (as the {@code open}/{@code mkdir} mode), so there is no window in which a new file is world-readable.
 */
final class PosixModes {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final boolean posix;

    PosixModes(Path root) {
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    FileAttribute<?>[] file() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    FileAttribute<?>[] directory() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    /** Creates {@code dir} and any missing parents, each 0700 (Files.createDirectories applies the mode to each). */
    void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, directory());
        }
    }

    /**
     * An existing directory that others can read or enter is made 0700: the root lists what the store holds, and
     * a store that creates everything 0700 would otherwise sit inside a 0755 root someone made by hand.
     */
    void tightenIfOpen(Path dir) throws IOException {
        if (posix && !Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    boolean isPosix() {
        return posix;
    }
}
