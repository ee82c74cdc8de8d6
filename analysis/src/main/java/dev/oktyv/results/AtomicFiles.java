package dev.oktyv.results;

import dev.oktyv.profiles.io.AtomicWrite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes files so that a reader (or a crash) only ever sees the old content or the complete new
 * content: write a temp file in the same directory, force it, then rename it over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /**
     * Streams content into a temp file next to {@code target} and moves it into place once complete. The one
     * implementation lives in {@link AtomicWrite} (in {@code profiles}, the lowest module that writes artifacts),
     * so run files and profile artifacts share the same durability and permission rules.
     */
    public static void write(Path target, ContentWriter writer) throws IOException {
        AtomicWrite.write(target, writer::writeTo);
    }

    /** Copies {@code source} into {@code target} atomically (for artifacts produced elsewhere, e.g. JMH's JSON). */
    public static void copy(Path source, Path target) throws IOException {
        write(target, out -> Files.copy(source, out));
    }

    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
