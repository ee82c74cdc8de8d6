package dev.oktyv.profiles.jfrfile;

import dev.oktyv.profiles.jfrfile.StackEvents.Sink;
import dev.oktyv.profiles.jfrfile.StackEvents.Spec;
import dev.oktyv.profiles.jfrfile.StackEvents.Stack;
import dev.oktyv.profiles.jfrfile.StackEvents.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one chunk for {@link StackEvents}: metadata, constant pools, then every event, decoding the fields of the
 * wanted types up to the last one needed and summing weights per key; at the end each distinct key is resolved
 * to names once and handed to the sink.
 */
final class ChunkEventReader {

    /** The plan for one event type of one chunk: which fields to decode, in order. */
    private record Plan(int specIndex, Spec spec, FieldDef[] fields, byte[] skips, int stackAt, int classAt,
            int threadAt, int weightAt, int fallbackAt, int last) {
    }

    private final ChunkBuffer in;
    private final List<Spec> specs;
    private final boolean threads;
    private final Sink sink;

    ChunkEventReader(ChunkBuffer in, List<Spec> specs, boolean threads, Sink sink) {
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
        Values values = new Values(metadata);
        Map<Long, Plan> plans = plans(metadata, values);
        KeySums sums = new KeySums();
        long[] captured = new long[5]; // stack, class, thread, weight, fallback weight
        in.position(StackEvents.HEADER_BYTES);
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
        emit(pools, metadata, plans, sums);
    }

    private Map<Long, Plan> plans(JfrMetadata metadata, Values values) throws JfrFormatException {
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
                skips[f] = values.skipKind(fields[f]); // decided once per chunk, so the event loop looks nothing up
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
        if (p.stackAt() < 0) {
            return; // a type without stacks adds nothing to a flame graph; the caller skips to the next event
        }
        java.util.Arrays.fill(v, 0);
        for (int i = 0; i <= p.last(); i++) {
            if (i == p.stackAt()) {
                v[0] = in.readLong();
            } else if (i == p.classAt()) {
                v[1] = in.readLong();
            } else if (i == p.threadAt()) {
                v[2] = in.readLong();
            } else if (i == p.weightAt()) {
                v[3] = in.readLong();
            } else if (i == p.fallbackAt()) {
                v[4] = in.readLong();
            } else {
                switch (p.skips()[i]) {
                    case Values.VARINT -> in.readLong();
                    case Values.BYTE -> in.readByte();
                    case Values.FLOAT -> in.skip(4);
                    case Values.DOUBLE -> in.skip(8);
                    case Values.STRING -> in.skipString();
                    default -> values.skip(in, p.fields()[i]);
                }
            }
        }
        // Every field up to p.last() was read, so a field the type declares has been captured.
        boolean hasWeight = p.weightAt() >= 0;
        boolean hasFallback = p.fallbackAt() >= 0;
        long w = switch (p.spec().weight()) {
            case ONE -> 1;
            case FIELD -> hasWeight ? v[3] : 0;
            case FIELD_AT_LEAST_ONE -> hasWeight ? Math.max(1, v[3]) : 1;
            case FIELD_OR_FALLBACK -> hasWeight && v[3] > 0 ? v[3] : (hasFallback ? v[4] : 0);
        };
        if (w <= 0) {
            return;
        }
        sums.add(p.specIndex(), v[0], v[1], v[2], w);
    }

    private void emit(ConstantPools pools, JfrMetadata metadata, Map<Long, Plan> plans, KeySums sums)
            throws JfrFormatException {
        Plan[] bySpec = new Plan[specs.size()];
        plans.values().forEach(p -> bySpec[p.specIndex()] = p);
        // One decoder per stack-trace type (every event type uses jdk.types.StackTrace in practice); each distinct
        // stack, class and thread of the chunk is resolved once, however many keys share it.
        Map<Long, StackDecoder> decoders = new HashMap<>();
        Map<Long, Stack> stacks = new HashMap<>();
        Map<Long, String> classes = new HashMap<>();
        Map<Long, ThreadInfo> threadInfos = new HashMap<>();
        KeySums.Cursor c = sums.cursor();
        while (c.next()) {
            Plan p = bySpec[c.spec()];
            long stackType = p.fields()[p.stackAt()].typeId();
            StackDecoder decoder = decoders.get(stackType);
            if (decoder == null) {
                decoder = new StackDecoder(in, pools, metadata, stackType, sink);
                decoders.put(stackType, decoder);
            }
            Stack stack = stacks.get(c.stack());
            if (stack == null && !stacks.containsKey(c.stack())) {
                stack = decoder.stack(c.stack());
                stacks.put(c.stack(), stack);
            }
            if (stack == null) {
                continue; // no stack trace (key 0 or missing): the JDK's parser gives null and it is dropped too
            }
            String leaf = null;
            if (p.classAt() >= 0) {
                leaf = classes.get(c.cls());
                if (leaf == null && !classes.containsKey(c.cls())) {
                    leaf = className(pools, asStruct(pools.get(p.fields()[p.classAt()].typeId(), c.cls())));
                    classes.put(c.cls(), leaf);
                }
            }
            ThreadInfo thread = null;
            if (p.threadAt() >= 0) {
                thread = threadInfos.get(c.thread());
                if (thread == null && !threadInfos.containsKey(c.thread())) {
                    thread = thread(pools, asStruct(pools.get(p.fields()[p.threadAt()].typeId(), c.thread())));
                    threadInfos.put(c.thread(), thread);
                }
            }
            sink.add(p.spec().group(), stack, leaf, thread, c.weight());
        }
    }

    /** As {@code RecordedClass.getName()} gives it: the recorded name with '/' turned into '.'. */
    static String className(ConstantPools pools, Struct cls) throws JfrFormatException {
        String n = cls == null ? null : pools.text(pools.field(cls, "name"));
        return n == null ? null : n.replace('/', '.');
    }

    private static Struct asStruct(Object o) {
        return o instanceof Struct s ? s : null;
    }

    private static ThreadInfo thread(ConstantPools pools, Struct t) throws JfrFormatException {
        if (t == null) {
            return null;
        }
        Object tid = pools.field(t, "osThreadId");
        return new ThreadInfo(pools.text(pools.field(t, "javaName")), pools.text(pools.field(t, "osName")),
                tid instanceof Long l ? l : 0);
    }
}
