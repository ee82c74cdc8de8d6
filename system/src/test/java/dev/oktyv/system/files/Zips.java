package dev.oktyv.system.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip bytes with arbitrary (hostile) entry names; ZipOutputStream itself does not validate names. */
final class Zips {

    private Zips() {
    }

    static byte[] of(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * One deflated entry whose local header and central directory both claim {@code claimedSize} uncompressed bytes
     * while the data inflates to {@code content.length}: the lie a zip bomb tells to extractors that trust headers.
     * Written with all sizes known (so no data descriptor follows the data), then both size fields are patched.
     */
    static byte[] lyingSize(String name, byte[] content, int claimedSize) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            deflated.write(buf, 0, d.deflate(buf));
        }
        d.end();
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.DEFLATED);
        e.setSize(content.length);
        e.setCompressedSize(deflated.size());
        e.setCrc(crc.getValue());
        byte[] zip;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(e);
            out.write(content);
            out.closeEntry();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        zip = bytes.toByteArray();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x04034b50 || (b.getShort(6) & 8) != 0) {
            throw new IllegalStateException("expected a local header without a data descriptor");
        }
        b.putInt(22, claimedSize); // local header: uncompressed size
        for (int i = zip.length - 22; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50) { // central directory header
                b.putInt(i + 24, claimedSize);
                break;
            }
        }
        return zip;
    }

    static byte[] single(String name, byte[] content) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, content);
        return of(m);
    }
}
