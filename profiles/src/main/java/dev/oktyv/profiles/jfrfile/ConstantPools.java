package dev.oktyv.profiles.jfrfile;

import java.util.HashMap;
import java.util.Map;

/**
 * A chunk's constant pools: stack traces, methods, classes, symbols, threads, strings, each a map from key to
 * value. The last constant-pool event is at the header's offset; each one gives the (negative) distance to the
 * one before, and 0 ends the chain.
 */
final class ConstantPools {

    private static final int MAX_EVENTS = 1_000_000;

    private final JfrMetadata metadata;
    private final Map<Long, Map<Long, Object>> pools = new HashMap<>();
    private final long stringTypeId;

    private ConstantPools(JfrMetadata metadata) {
        this.metadata = metadata;
        ClassDef s = metadata.byName("java.lang.String");
        this.stringTypeId = s == null ? -1 : s.id();
    }

    static ConstantPools read(ChunkBuffer in, long lastOffset, JfrMetadata metadata) throws JfrFormatException {
        ConstantPools cp = new ConstantPools(metadata);
        Values values = new Values(metadata);
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
                Map<Long, Object> pool = cp.pools.computeIfAbsent(typeId, k -> new HashMap<>());
                int count = in.readInt();
                if (count < 0 || count > in.limit()) {
                    throw new JfrFormatException("pool " + c.name() + " claims " + count + " entries");
                }
                FieldDef whole = new FieldDef("value", typeId, false, false);
                for (int i = 0; i < count; i++) {
                    long key = in.readLong();
                    Object v = values.read(in, whole);
                    pool.putIfAbsent(key, v); // a later flush repeats entries; they are equal
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
    Object get(long typeId, long key) {
        Map<Long, Object> pool = pools.get(typeId);
        return pool == null ? null : pool.get(key);
    }

    /** Field {@code name} of {@code s}, with a constant-pool key resolved; null when the field or value is absent. */
    Object field(Struct s, String name) {
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
    Struct struct(Struct s, String name) {
        return field(s, name) instanceof Struct t ? t : null;
    }

    /**
     * The text of a value: a string, a pooled string, or a one-field wrapper such as {@code jdk.types.Symbol}
     * (which the JDK's own parser also shows as its string).
     */
    String text(Object v) {
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
