package dev.oktyv.probes.security.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A file store with confinement off: {@code root.resolve(path)} and plain NIO, following symlinks, extracting zip
 * entries wherever their names point, writing straight into the target. The weakened engine of the file probes'
 * tests; each test overrides only what it weakens on top of the real engine, or uses this whole.
 */
class NaiveFileEngine implements FileEngine {

    final Path root;

    NaiveFileEngine(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path at(String path) {
        return root.resolve(path);
    }

    @Override
    public byte[] read(String path) {
        return io(() -> Files.readAllBytes(at(path)));
    }

    @Override
    public void write(String path, byte[] data) {
        io(() -> Files.write(at(path), data));
    }

    @Override
    public long write(String path, InputStream data) {
        return io(() -> Files.copy(data, at(path), StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public long copy(String from, String to) {
        return io(() -> Files.copy(at(from), at(to), StandardCopyOption.REPLACE_EXISTING)).toFile().length();
    }

    @Override
    public void move(String from, String to) {
        io(() -> Files.move(at(from), at(to), StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public boolean delete(String path) {
        return io(() -> Files.deleteIfExists(at(path)));
    }

    @Override
    public List<String> list(String dir) {
        return io(() -> {
            try (Stream<Path> s = Files.list(at(dir))) {
                return s.map(p -> p.getFileName().toString()).toList();
            }
        });
    }

    @Override
    public long size(String path) {
        return io(() -> Files.size(at(path)));
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(at(path));
    }

    @Override
    public void mkdir(String path) {
        io(() -> Files.createDirectories(at(path)));
    }

    @Override
    public String sha256(String path) {
        return io(() -> HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(at(path)))));
    }

    @Override
    public int archive(String sourceDir, String zipPath) {
        return io(() -> {
            int n = 0;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(at(zipPath)));
                 Stream<Path> files = Files.walk(at(sourceDir))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    zip.putNextEntry(new ZipEntry(at(sourceDir).relativize(f).toString()));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public int extract(String zipPath, String destDir) {
        return io(() -> {
            int n = 0;
            Path dest = at(destDir);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(at(zipPath)))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path out = dest.resolve(e.getName()).normalize();
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    n++;
                }
            }
            return n;
        });
    }

    interface IoCall<T> {
        T call() throws Exception;
    }

    static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
