package dev.oktyv.profiles.jfrfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads the stack-carrying events of chosen types from the complete chunks of a JFR file and hands each distinct
 * (type, stack, class, thread) combination to a {@link Sink} with its summed weight, one chunk at a time.
 *
 * <p>Per event only the fields up to the last one needed are decoded (the rest is skipped by the event's size),
 * and weights are summed per constant-pool key, so a stack is resolved to names once per chunk, not per event.
 */
public final class StackEvents {

    /** Bytes of a chunk header; the first event follows. */
    static final int HEADER_BYTES = 68;

    /** How an event's weight is computed. */
    public enum Weight {
        /** Every event weighs 1 (a cpu sample). */
        ONE,
        /** The field's value; events without it weigh 0 and are dropped. */
        FIELD,
        /** The field's value but at least 1; 1 when the type has no such field (async-profiler's wall samples). */
        FIELD_AT_LEAST_ONE,
        /** The field's value when positive, else the fallback field's (a new TLAB's size, else the object's). */
        FIELD_OR_FALLBACK
    }

    /**
     * One event type to read.
     *
     * @param eventType     e.g. {@code jdk.ExecutionSample}
     * @param group         passed to the sink unchanged, e.g. primary or secondary source
     * @param weight        how to weigh an event
     * @param weightField   the field for {@link Weight#FIELD}..., or null for {@link Weight#ONE}
     * @param fallbackField the second field for {@link Weight#FIELD_OR_FALLBACK}, else null
     * @param leafClass     report the {@code objectClass} field as the stack's leaf (allocations)
     */
    public record Spec(String eventType, int group, Weight weight, String weightField, String fallbackField,
            boolean leafClass) {
    }

    /**
     * A resolved stack trace: the sink's names of its frames, root first. Within a chunk one key gives one
     * instance, and one distinct frame one name instance.
     */
    public record Stack(boolean truncated, List<String> rootFirst) {
    }

    /** A resolved thread. */
    public record ThreadInfo(String javaName, String osName, long osThreadId) {
    }

    /** Receives each distinct combination of a chunk with its summed weight. */
    public interface Sink {
        /**
         * The name of a frame, asked once per distinct (method, frame type) of a chunk.
         *
         * @param className  the class's name with dots, or null
         * @param methodName null when the frame has no method
         * @param frameType  e.g. "JIT compiled", or null
         */
        String frameName(String className, String methodName, String frameType);

        /**
         * @param leafClass the allocated class's name with dots (array descriptors from async-profiler), or null
         * @param thread    null unless threads were asked for and the event names one
         */
        void add(int group, Stack stack, String leafClass, ThreadInfo thread, long weight);

        /** An event of {@code group} was seen, whatever its weight or stack. */
        void seen(int group);
    }

    private StackEvents() {
    }

    /**
     * Reads the first {@code bytes} of {@code file}, which must be whole chunks (see the flame package's chunk
     * scan). Throws {@link JfrFormatException} for anything this reader does not decode.
     */
    public static void read(Path file, long bytes, List<Spec> specs, boolean threads, Sink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos < bytes) {
                header.clear();
                readFully(ch, header, pos);
                long size = header.getLong(8);
                if (size < HEADER_BYTES || pos + size > bytes || size > Integer.MAX_VALUE - 8) {
                    throw new JfrFormatException("chunk at offset " + pos + " declares " + size + " bytes");
                }
                byte[] chunk = new byte[(int) size];
                readFully(ch, ByteBuffer.wrap(chunk), pos);
                new ChunkEventReader(new ChunkBuffer(chunk), specs, threads, sink).read();
                pos += size;
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
        long p = at;
        while (into.hasRemaining()) {
            int n = ch.read(into, p);
            if (n < 0) {
                throw new JfrFormatException("file ends at offset " + p + " inside a chunk");
            }
            p += n;
        }
    }
}
