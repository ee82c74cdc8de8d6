package dev.oktyv.probes.security.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile archives, built in memory. */
final class Zips {

    private Zips() {
    }

    /** One entry named {@code name} holding {@code content}. */
    static byte[] single(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code zeros} zero bytes: deflate compresses it about 1000:1. */
    static byte[] zeros(String name, long zeros) throws IOException {
        return zeros(name, 1, zeros);
    }

    /** {@code entries} entries of {@code zeros} zero bytes each. */
    static byte[] zeros(String name, int entries, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] block = new byte[64 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(entries == 1 ? name : i + "-" + name));
                for (long left = zeros; left > 0; left -= block.length) {
                    zip.write(block, 0, (int) Math.min(block.length, left));
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@code entries} entries of {@code bytes} random, incompressible bytes each. */
    static byte[] random(int entries, int bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(entries * 31L + bytes);
        byte[] content = new byte[bytes];
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                random.nextBytes(content);
                zip.putNextEntry(new ZipEntry("r" + i + ".bin"));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** {@code count} one-byte entries. */
    static byte[] many(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("e" + i + ".txt"));
                zip.write('x');
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
