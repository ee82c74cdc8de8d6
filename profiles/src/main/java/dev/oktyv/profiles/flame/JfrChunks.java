package dev.oktyv.profiles.flame;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the chunk headers of a JFR file without parsing events, to tell "not JFR" from "truncated" before
 * {@code jdk.jfr.consumer} sees the file.
 *
 * <p>Why: a JFR chunk keeps its metadata and constant pools (stack traces, class names) at its end, so the
 * JDK parser cannot read any event of a cut chunk and fails with a generic EOF. Counting complete chunks
 * first lets us render every complete chunk of a truncated file and say precisely what was lost.
 * Layout (JDK 11+ and async-profiler): magic {@code FLR\0}, u2 major, u2 minor, u8 chunk size (bytes,
 * header included), then the rest of the 68-byte header.
 */
public record JfrChunks(long fileSizeBytes, long completeBytes, int completeChunks, boolean truncated) {

    static final int HEADER_BYTES = 68;
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    /** True when the file starts with the JFR magic number. */
    public static boolean looksLikeJfr(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == MAGIC[0] && head[1] == MAGIC[1] && head[2] == MAGIC[2]
                    && head[3] == MAGIC[3];
        }
    }

    /** Scans the chunk headers; a chunk whose declared size runs past the end of the file marks truncation. */
    public static JfrChunks scan(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            int chunks = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos < size) {
                header.clear();
                int read = ch.read(header, pos);
                if (read < 16) {
                    return new JfrChunks(size, pos, chunks, true);
                }
                header.flip();
                for (byte b : MAGIC) {
                    if (header.get() != b) {
                        if (chunks == 0) {
                            throw new ProfileInputException("not a JFR recording: " + file
                                    + " (no FLR magic at the start)");
                        }
                        return new JfrChunks(size, pos, chunks, true);
                    }
                }
                int major = header.getShort() & 0xffff;
                if (major < 1 || major > 2) {
                    throw new ProfileInputException("unsupported JFR version " + major + " in " + file);
                }
                header.getShort();
                long chunkSize = header.getLong();
                // A chunk still being written (JVM killed) declares 0 or a size beyond the file end.
                if (chunkSize < HEADER_BYTES || pos + chunkSize > size) {
                    return new JfrChunks(size, pos, chunks, true);
                }
                pos += chunkSize;
                chunks++;
            }
            return new JfrChunks(size, pos, chunks, false);
        }
    }

    /** What a truncated file lost, for the console and the page; empty when the file is whole. */
    String truncationNote() {
        return !truncated ? "" : "recording is truncated: read " + completeChunks + " complete chunk(s), "
                + completeBytes + " of " + fileSizeBytes + " bytes; the rest is lost";
    }

    /** Copies the complete chunks into {@code out}, for the parser to read a truncated file. */
    void copyComplete(Path file, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long left = completeBytes;
            byte[] buf = new byte[1 << 16];
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
