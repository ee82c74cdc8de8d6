package dev.oktyv.system.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Durable, private file operations: 0600 files and 0700 directories on POSIX, and whole-file replacement by
 * temp file, fsync, atomic rename and directory fsync, so a crash leaves either the old or the new file.
 */
final class DurableFiles {

    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    static final String TEMP_MARKER = ".tmp-";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private DurableFiles() {
    }

    static boolean isPosix() {
        return POSIX;
    }

    /** Creates the directory (and parents) if needed and makes it 0700: it lists which vaults exist. */
    static void ensurePrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (POSIX && !Files.getPosixFilePermissions(dir).equals(DIRECTORY_PERMISSIONS)) {
            Files.setPosixFilePermissions(dir, DIRECTORY_PERMISSIONS);
        }
    }

    /** Opens (creating with 0600 if absent) a file for reading and writing. */
    static FileChannel openPrivate(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return POSIX ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
                : FileChannel.open(file, options);
    }

    /** Replaces {@code target} with {@code content}: temp file, fsync, atomic rename, fsync of the directory. */
    static void replaceAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_MARKER + randomSuffix());
        try {
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileAttribute<?>[] attributes = POSIX
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                    : new FileAttribute<?>[0];
            try (FileChannel channel = FileChannel.open(temp, options, attributes)) {
                writeFully(channel, ByteBuffer.wrap(content), 0);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes a rename or delete in {@code dir} durable. Not possible on Windows, where renames are journaled. */
    static void forceDirectory(Path dir) throws IOException {
        if (!POSIX) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("file ended at byte " + at + " while reading");
            }
            at += n;
        }
    }

    private static String randomSuffix() {
        byte[] b = new byte[6];
        TEMP_NAMES.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
