package dev.oktyv.system.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip create and extract for {@link ConfinedFileStore}. Extraction defends against zip slip (every entry name
 * goes through the same {@link TraversalCheck} and must stay inside the destination) and zip bombs (entry count,
 * and total bytes counted as they are actually inflated: header sizes are attacker-controlled and are ignored).
 */
final class ZipSupport {

    /** Inflated bytes below which the compression ratio is not judged. */
    static final long RATIO_FLOOR_BYTES = 1L << 20;

    private final ConfinedFileStore store;
    private final PathGuard guard;
    private final PosixModes modes;
    private final FileStoreConfig config;

    ZipSupport(ConfinedFileStore store, PathGuard guard, PosixModes modes, FileStoreConfig config) {
        this.store = store;
        this.guard = guard;
        this.modes = modes;
        this.config = config;
    }

    int archive(String sourceDir, String zipPath) {
        Path source = guard.resolve(sourceDir);
        Path zip = guard.resolveBelowRoot(zipPath);
        if (zip.startsWith(source)) {
            // Walking a directory while writing into it would archive the (temp) archive itself.
            throw new FileStoreException("zip '" + FileStoreException.printable(zipPath)
                    + "' must not be inside the directory being archived");
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Symlinks are not followed (walkFileTree default) and not archived: they could point anywhere.
                    if (attrs.isRegularFile() && !ConfinedFileStore.isTemp(file.getFileName().toString())) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw ConfinedFileStore.failure("archive", sourceDir, e);
        }
        files.sort(null);
        store.atomicWrite(zipPath, zip, ch -> {
            // close() must not close the channel: atomicWrite still forces and renames it afterwards.
            OutputStream keepOpen = new java.io.FilterOutputStream(Channels.newOutputStream(ch)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            try (ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(keepOpen, 64 * 1024))) {
                for (Path f : files) {
                    out.putNextEntry(new ZipEntry(source.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
                out.finish();
                out.flush();
                return ch.position();
            }
        });
        return files.size();
    }

    int extract(String zipPath, String destDir) {
        Path zip = guard.resolve(zipPath);
        Path dest = guard.resolveBelowRoot(destDir);
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileStoreException("extract destination '" + FileStoreException.printable(destDir)
                    + "' already exists; extraction needs a new directory");
        }
        Path staging = null;
        boolean done = false;
        try (CountingInputStream archive = new CountingInputStream(store.openForRead(zipPath, zip));
             ZipInputStream in = new ZipInputStream(new BufferedInputStream(archive, 64 * 1024))) {
            modes.createDirectories(dest.getParent());
            staging = Files.createTempDirectory(dest.getParent(), ".oktyv-extract-", modes.directory());
            int entries = extractInto(in, archive, staging, zipPath);
            Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return entries;
        } catch (IOException e) {
            throw ConfinedFileStore.failure("extract", zipPath, e);
        } finally {
            if (!done && staging != null) {
                deleteTree(staging);
            }
        }
    }

    private int extractInto(ZipInputStream in, CountingInputStream archive, Path staging, String zipPath)
            throws IOException {
        int entries = 0;
        long[] inflated = {0};
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
            if (++entries > config.maxZipEntries()) {
                throw new ZipLimitExceededException(zipPath, "the entry limit of " + config.maxZipEntries());
            }
            String name = e.getName();
            String reason = TraversalCheck.rejectReason(name);
            if (reason != null) {
                throw new PathOutsideRootException(name, "zip entry " + reason);
            }
            Path out = staging.resolve(name).normalize();
            if (!out.startsWith(staging) || out.equals(staging)) {
                throw new PathOutsideRootException(name, "zip entry escapes the extraction directory");
            }
            if (e.isDirectory()) {
                modes.createDirectories(out);
                continue;
            }
            modes.createDirectories(out.getParent());
            Files.createFile(out, modes.file()); // fails on a duplicate entry instead of overwriting
            try (OutputStream os = Files.newOutputStream(out, StandardOpenOption.WRITE)) {
                copyEntry(in, archive, os, name, zipPath, inflated);
            }
        }
        return entries;
    }

    private void copyEntry(InputStream in, CountingInputStream archive, OutputStream out, String entryName,
                           String zipPath, long[] inflated) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long entryBytes = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            entryBytes += n;
            inflated[0] += n;
            if (inflated[0] > config.maxZipTotalBytes()) {
                throw new ZipLimitExceededException(zipPath, "the total uncompressed size limit of "
                        + config.maxZipTotalBytes() + " bytes");
            }
            // The ratio is judged on bytes actually inflated per byte of archive read so far (read-ahead makes the
            // latter a little larger, erring towards allowing), so a small archive is refused early, long before
            // the total limit; small files are exempt, where high ratios are normal (a page of zeros).
            if (inflated[0] > RATIO_FLOOR_BYTES
                    && inflated[0] > (long) config.maxZipCompressionRatio() * archive.count()) {
                throw new ZipLimitExceededException(zipPath, "the compression ratio limit of "
                        + config.maxZipCompressionRatio() + ":1 (" + inflated[0] + " bytes inflated from "
                        + archive.count() + " bytes of archive)");
            }
            if (entryBytes > config.maxFileSizeBytes()) {
                throw new FileTooLargeException(entryName, config.maxFileSizeBytes());
            }
            out.write(buf, 0, n);
        }
    }

    /** Counts the bytes of the archive file read, compressed, for the ratio check. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort cleanup of our own hidden staging directory; the extraction error is what matters.
        }
    }
}
