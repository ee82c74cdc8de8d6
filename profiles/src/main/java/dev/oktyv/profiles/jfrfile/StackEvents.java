package dev.oktyv.profiles.jfrfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the stack-carrying events of chosen types from the complete chunks of a JFR file and hands each distinct
 * (type, stack, class, thread) combination to a {@link Sink} with its summed weight, one chunk at a time.
 *
 * <p>Per event only the fields up to the last one needed are decoded (the rest is skipped by the event's size),
 * and weights are summed per constant-pool key, so a stack is resolved to names once per chunk, not per event.
 */
public final class StackEvents {

    private static final int HEADER_BYTES = 68;

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

    /** A resolved frame; {@code methodName} null means the frame has no method. */
    public record Frame(String className, String methodName, String frameType) {
    }

    /** A resolved stack trace, leaf first, as JFR stores it. */
    public record Stack(boolean truncated, List<Frame> leafFirst) {
    }

    /** A resolved thread. */
    public record ThreadInfo(String javaName, String osName, long osThreadId) {
    }

    /** Receives each distinct combination of a chunk with its summed weight. */
    public interface Sink {
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
                new ChunkReader(new ChunkBuffer(chunk), specs, threads, sink).read();
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

    /** The plan for one event type of one chunk: which fields to decode, in order. */
    private record Plan(int specIndex, Spec spec, FieldDef[] fields, byte[] skips, int stackAt, int classAt,
            int threadAt, int weightAt, int fallbackAt, int last) {
    }

    // How to step over a field, decided once per chunk so the per-event loop needs no metadata lookup.
    private static final byte SKIP_VARINT = 0;
    private static final byte SKIP_BYTE = 1;
    private static final byte SKIP_FLOAT = 2;
    private static final byte SKIP_DOUBLE = 3;
    private static final byte SKIP_STRING = 4;
    private static final byte SKIP_OTHER = 5;

    private static byte skipKind(JfrMetadata m, FieldDef f) throws JfrFormatException {
        if (f.array()) {
            return SKIP_OTHER;
        }
        if (f.constantPool()) {
            return SKIP_VARINT;
        }
        return switch (m.byId(f.typeId()).name()) {
            case "long", "int", "short", "char" -> SKIP_VARINT;
            case "boolean", "byte" -> SKIP_BYTE;
            case "float" -> SKIP_FLOAT;
            case "double" -> SKIP_DOUBLE;
            case "java.lang.String" -> SKIP_STRING;
            default -> SKIP_OTHER;
        };
    }

    private static final class ChunkReader {
        private final ChunkBuffer in;
        private final List<Spec> specs;
        private final boolean threads;
        private final Sink sink;

        ChunkReader(ChunkBuffer in, List<Spec> specs, boolean threads, Sink sink) {
            this.in = in;
            this.specs = specs;
            this.threads = threads;
            this.sink = sink;
        }

        void read() throws JfrFormatException {
            if ((in.rawInt(64) & 1) == 0) {
                throw new JfrFormatException("chunk does not use compressed integers");
            }
            long cpOffset = in.rawLong(16);
            long metaOffset = in.rawLong(24);
            JfrMetadata metadata = JfrMetadata.read(in, metaOffset);
            ConstantPools pools = ConstantPools.read(in, cpOffset, metadata);
            Map<Long, Plan> plans = plans(metadata);
            Values values = new Values(metadata);
            KeySums sums = new KeySums();
            long[] captured = new long[6];
            in.position(HEADER_BYTES);
            int end = in.limit();
            while (in.position() < end) {
                int start = in.position();
                int size = in.readInt();
                if (size <= 0 || start + (long) size > end) {
                    throw new JfrFormatException("event at chunk offset " + start + " declares " + size + " bytes");
                }
                Plan plan = plans.get(in.readLong());
                if (plan != null) {
                    take(plan, values, captured, sums);
                }
                in.position(start + (long) size);
            }
            emit(pools, plans, sums);
        }

        private Map<Long, Plan> plans(JfrMetadata metadata) throws JfrFormatException {
            Map<Long, Plan> plans = new HashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                ClassDef c = metadata.byName(s.eventType());
                if (c == null) {
                    continue;
                }
                int stackAt = c.indexOf("stackTrace");
                int threadAt = !threads ? -1
                        : c.indexOf("sampledThread") >= 0 ? c.indexOf("sampledThread") : c.indexOf("eventThread");
                int classAt = s.leafClass() ? c.indexOf("objectClass") : -1;
                int weightAt = s.weightField() == null ? -1 : c.indexOf(s.weightField());
                int fallbackAt = s.fallbackField() == null ? -1 : c.indexOf(s.fallbackField());
                int last = Math.max(Math.max(stackAt, threadAt), Math.max(classAt, Math.max(weightAt, fallbackAt)));
                FieldDef[] fields = c.fields().toArray(new FieldDef[0]);
                for (int at : new int[] {stackAt, threadAt, classAt, weightAt, fallbackAt}) {
                    // Each captured field must be one compressed integer: a constant-pool key or an integer.
                    if (at >= 0 && (fields[at].array() || !(fields[at].constantPool() || isInteger(metadata, fields[at])))) {
                        throw new JfrFormatException(s.eventType() + "." + fields[at].name() + " is not a key or an integer");
                    }
                }
                byte[] skips = new byte[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    skips[f] = skipKind(metadata, fields[f]);
                }
                plans.put(c.id(), new Plan(i, s, fields, skips, stackAt, classAt, threadAt, weightAt, fallbackAt, last));
            }
            return plans;
        }

        private static boolean isInteger(JfrMetadata m, FieldDef f) throws JfrFormatException {
            String n = m.byId(f.typeId()).name();
            return n.equals("long") || n.equals("int") || n.equals("short") || n.equals("char");
        }

        private void take(Plan p, Values values, long[] v, KeySums sums) throws JfrFormatException {
            sink.seen(p.spec().group());
            java.util.Arrays.fill(v, 0);
            boolean hasWeight = false;
            boolean hasFallback = false;
            for (int i = 0; i <= p.last(); i++) {
                if (i == p.stackAt()) {
                    v[0] = in.readLong();
                } else if (i == p.classAt()) {
                    v[1] = in.readLong();
                } else if (i == p.threadAt()) {
                    v[2] = in.readLong();
                } else if (i == p.weightAt()) {
                    v[3] = in.readLong();
                    hasWeight = true;
                } else if (i == p.fallbackAt()) {
                    v[4] = in.readLong();
                    hasFallback = true;
                } else {
                    switch (p.skips()[i]) {
                        case SKIP_VARINT -> in.readLong();
                        case SKIP_BYTE -> in.readByte();
                        case SKIP_FLOAT -> in.skip(4);
                        case SKIP_DOUBLE -> in.skip(8);
                        case SKIP_STRING -> in.skipString();
                        default -> values.skip(in, p.fields()[i]);
                    }
                }
            }
            long w = switch (p.spec().weight()) {
                case ONE -> 1;
                case FIELD -> hasWeight ? v[3] : 0;
                case FIELD_AT_LEAST_ONE -> hasWeight ? Math.max(1, v[3]) : 1;
                case FIELD_OR_FALLBACK -> hasWeight && v[3] > 0 ? v[3] : (hasFallback ? v[4] : 0);
            };
            if (w <= 0 || p.stackAt() < 0) {
                return;
            }
            sums.add(p.specIndex(), v[0], v[1], v[2], w);
        }

        private void emit(ConstantPools pools, Map<Long, Plan> plans, KeySums sums) {
            Plan[] bySpec = new Plan[specs.size()];
            plans.values().forEach(p -> bySpec[p.specIndex()] = p);
            Map<Long, Stack> stacks = new HashMap<>();
            sums.forEach((spec, stackKey, clsKey, threadKey, weight) -> {
                Plan p = bySpec[spec];
                FieldDef stackField = p.fields()[p.stackAt()];
                Stack stack = stacks.computeIfAbsent(stackKey, key -> stack(pools, pools.get(stackField.typeId(), key)));
                if (stack == null) {
                    return; // no stack trace (key 0 or missing): the JDK's parser gives null and it is dropped too
                }
                String leaf = null;
                if (p.classAt() >= 0) {
                    leaf = className(pools, asStruct(pools.get(p.fields()[p.classAt()].typeId(), clsKey)));
                }
                ThreadInfo thread = null;
                if (p.threadAt() >= 0) {
                    thread = thread(pools, asStruct(pools.get(p.fields()[p.threadAt()].typeId(), threadKey)));
                }
                sink.add(p.spec().group(), stack, leaf, thread, weight);
            });
        }

        /** As {@code RecordedClass.getName()} gives it: the recorded name with '/' turned into '.'. */
        private static String className(ConstantPools pools, Struct cls) {
            String n = cls == null ? null : pools.text(pools.field(cls, "name"));
            return n == null ? null : n.replace('/', '.');
        }

        private static Struct asStruct(Object o) {
            return o instanceof Struct s ? s : null;
        }

        private static Stack stack(ConstantPools pools, Object value) {
            if (!(value instanceof Struct st)) {
                return null;
            }
            boolean truncated = Boolean.TRUE.equals(pools.field(st, "truncated"));
            Object frames = pools.field(st, "frames");
            List<Frame> out = new ArrayList<>();
            if (frames instanceof Object[] arr) {
                for (Object f : arr) {
                    if (f instanceof Struct frame) {
                        Struct method = pools.struct(frame, "method");
                        Struct type = method == null ? null : pools.struct(method, "type");
                        String cls = className(pools, type);
                        String name = method == null ? null : pools.text(pools.field(method, "name"));
                        String frameType = pools.text(pools.field(frame, "type"));
                        out.add(new Frame(cls, method == null ? null : name, frameType));
                    }
                }
            }
            return new Stack(truncated, List.copyOf(out));
        }

        private static ThreadInfo thread(ConstantPools pools, Struct t) {
            if (t == null) {
                return null;
            }
            Object tid = pools.field(t, "osThreadId");
            return new ThreadInfo(pools.text(pools.field(t, "javaName")), pools.text(pools.field(t, "osName")),
                    tid instanceof Long l ? l : 0);
        }
    }
}
