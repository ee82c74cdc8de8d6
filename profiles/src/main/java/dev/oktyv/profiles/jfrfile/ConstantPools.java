package dev.oktyv.profiles.jfrfile;

import java.util.HashMap;
import java.util.Map;

/**
 * A chunk's constant pools: stack traces, methods, classes, symbols, threads, strings, each a map from key to
 * value. The last constant-pool event is at the header's offset; each one gives the (negative) distance to the
 * one before, and 0 ends the chain.
 *
 * <p>Values are indexed, not decoded: reading the pools only records where each key's value starts, and a value
 * is decoded when asked for. A deep-stack chunk's pools are most of its bytes (hundreds of frames per stack
 * trace); decoding all of them up front into objects was a third of the time and most of the memory of
 * {@code flame}, and the stack traces are decoded by {@link StackDecoder} without objects per frame anyway.
 */
final class ConstantPools {

    private static final int MAX_EVENTS = 1_000_000;

    private final JfrMetadata metadata;
    private final ChunkBuffer in;
    private final Values values;
    private final Map<Long, LongIntMap> pools = new HashMap<>();
    private final long stringTypeId;

    private ConstantPools(ChunkBuffer in, JfrMetadata metadata) {
        this.in = in;
        this.metadata = metadata;
        this.values = new Values(metadata);
        ClassDef s = metadata.byName("java.lang.String");
        this.stringTypeId = s == null ? -1 : s.id();
    }

    static ConstantPools read(ChunkBuffer in, long lastOffset, JfrMetadata metadata) throws JfrFormatException {
        ConstantPools cp = new ConstantPools(in, metadata);
        Values values = cp.values;
        long offset = lastOffset;
        for (int events = 0; offset > 0; events++) {
            if (events > MAX_EVENTS) {
                throw new JfrFormatException("constant-pool chain longer than " + MAX_EVENTS + " events");
            }
            in.enterEvent(offset, 1, "constant-pool");
            long delta = in.readLong();
            in.readLong(); // checkpoint kind (flush, header, ...): one byte in practice, compressed like the rest
            int poolCount = in.readInt();
            for (int p = 0; p < poolCount; p++) {
                long typeId = in.readLong();
                ClassDef c = metadata.byId(typeId);
                LongIntMap pool = cp.pools.computeIfAbsent(typeId, k -> new LongIntMap());
                int count = in.readInt();
                if (count < 0 || count > in.limit()) {
                    throw new JfrFormatException("pool " + c.name() + " claims " + count + " entries");
                }
                for (int i = 0; i < count; i++) {
                    long key = in.readLong();
                    pool.putIfAbsent(key, in.position()); // a later flush repeats entries; they are equal
                    values.skipValue(in, typeId);
                }
            }
            if (delta == 0) {
                break;
            }
            // Each constant-pool event points back to an earlier one; anything else is a cycle or garbage.
            if (delta > 0 || offset + delta < 0) {
                throw new JfrFormatException("constant-pool event at offset " + offset + " points to " + (offset + delta)
                        + ", not to an earlier event");
            }
            offset += delta;
        }
        return cp;
    }

    /** The pooled value of {@code typeId} under {@code key}, or null when absent (key 0 is JFR's "none"). */
    Object get(long typeId, long key) throws JfrFormatException {
        int at = offset(typeId, key);
        if (at < 0) {
            return null;
        }
        int back = in.position();
        in.position(at);
        Object v = values.read(in, new FieldDef("value", typeId, false, false));
        in.position(back);
        return v;
    }

    /** Where the value of {@code typeId} under {@code key} starts in the chunk, or -1 when absent. */
    int offset(long typeId, long key) {
        LongIntMap pool = pools.get(typeId);
        return pool == null ? -1 : pool.get(key);
    }

    /** Field {@code name} of {@code s}, with a constant-pool key resolved; null when the field or value is absent. */
    Object field(Struct s, String name) throws JfrFormatException {
        if (s == null) {
            return null;
        }
        int i = s.type().indexOf(name);
        if (i < 0) {
            return null;
        }
        Object v = s.values()[i];
        FieldDef f = s.type().fields().get(i);
        if (f.constantPool() && !f.array() && v instanceof Long key) {
            return get(f.typeId(), key);
        }
        return v;
    }

    /** A struct-valued field, or null. */
    Struct struct(Struct s, String name) throws JfrFormatException {
        return field(s, name) instanceof Struct t ? t : null;
    }

    /**
     * The text of a value: a string, a pooled string, or a one-field wrapper such as {@code jdk.types.Symbol}
     * (which the JDK's own parser also shows as its string).
     */
    String text(Object v) throws JfrFormatException {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof ChunkBuffer.StringRef r) {
            return text(get(stringTypeId, r.key()));
        }
        if (v instanceof Struct s && s.values().length == 1) {
            return text(field(s, s.type().fields().get(0).name()));
        }
        return null;
    }
}
