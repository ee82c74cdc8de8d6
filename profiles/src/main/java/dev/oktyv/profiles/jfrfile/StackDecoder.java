package dev.oktyv.profiles.jfrfile;

import dev.oktyv.profiles.jfrfile.StackEvents.Sink;
import dev.oktyv.profiles.jfrfile.StackEvents.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one chunk's stack-trace keys into {@link Stack}s of frame names, each distinct frame (method and frame
 * type) named once per chunk by the sink. The frames are read straight from the pool's bytes (only the method and
 * frame-type keys; line numbers and bytecode indexes are skipped), without an object per frame: a deep stack has
 * hundreds, and a chunk tens of thousands of stacks.
 */
final class StackDecoder {

    private final ChunkBuffer in;
    private final ConstantPools pools;
    private final Values values;
    private final Sink sink;
    private final long stackTypeId;
    // The stack trace's layout: its fields, and which of them are the truncated flag and the inline frame array.
    private final FieldDef[] stackFields;
    private final int truncatedAt;
    private final int framesAt;
    // The frame's layout: which of its fields are the method and frame-type keys.
    private final FieldDef[] frameFields;
    private final int methodAt;
    private final int typeAt;
    private final byte[] frameSkips;
    // (method key, frame-type key) -> index into names.
    private final LongIntMap frameIndex = new LongIntMap();
    private final List<String> names = new ArrayList<>();
    private long[] methodKeys = new long[256];
    private long[] typeKeys = new long[256];

    StackDecoder(ChunkBuffer in, ConstantPools pools, JfrMetadata metadata, long stackTypeId, Sink sink)
            throws JfrFormatException {
        this.in = in;
        this.pools = pools;
        this.values = new Values(metadata);
        this.sink = sink;
        this.stackTypeId = stackTypeId;
        ClassDef st = metadata.byId(stackTypeId);
        stackFields = st.fields().toArray(new FieldDef[0]);
        truncatedAt = st.indexOf("truncated");
        framesAt = st.indexOf("frames");
        if (truncatedAt >= 0) {
            FieldDef t = stackFields[truncatedAt];
            if (t.array() || t.constantPool() || Values.primitiveKind(metadata.byId(t.typeId())) != Values.BYTE) {
                throw new JfrFormatException(st.name() + ".truncated is not a boolean");
            }
        }
        if (framesAt < 0 || !stackFields[framesAt].array() || stackFields[framesAt].constantPool()) {
            throw new JfrFormatException(st.name() + " has no inline array of frames");
        }
        ClassDef frame = metadata.byId(stackFields[framesAt].typeId());
        frameFields = frame.fields().toArray(new FieldDef[0]);
        frameSkips = new byte[frameFields.length];
        for (int i = 0; i < frameFields.length; i++) {
            frameSkips[i] = values.skipKind(frameFields[i]);
        }
        methodAt = frame.indexOf("method");
        typeAt = frame.indexOf("type");
        for (int at : new int[] {methodAt, typeAt}) {
            if (at >= 0 && (frameFields[at].array() || !frameFields[at].constantPool())) {
                throw new JfrFormatException(frame.name() + "." + frameFields[at].name() + " is not a pool key");
            }
        }
    }

    /** The stack trace under {@code key}, or null when the pool has none (key 0, or a missing entry). */
    Stack stack(long key) throws JfrFormatException {
        int at = pools.offset(stackTypeId, key);
        if (at < 0) {
            return null;
        }
        int back = in.position();
        in.position(at);
        boolean truncated = false;
        int count = 0;
        for (int i = 0; i < stackFields.length; i++) {
            if (i == truncatedAt) {
                truncated = in.readByte() != 0;
            } else if (i == framesAt) {
                count = readFrames();
            } else {
                values.skip(in, stackFields[i]);
            }
        }
        in.position(back);
        String[] rootFirst = new String[count];
        for (int f = 0; f < count; f++) {
            rootFirst[count - 1 - f] = frameName(methodKeys[f], typeKeys[f]);
        }
        return new Stack(truncated, Arrays.asList(rootFirst));
    }

    /** Reads the frame array's method and frame-type keys into the scratch arrays, leaf first; returns the count. */
    private int readFrames() throws JfrFormatException {
        long n = in.readLong();
        if (n < 0 || n > in.limit() - in.position()) {
            throw new JfrFormatException("array length " + n + " at offset " + in.position());
        }
        int count = (int) n;
        if (count > methodKeys.length) {
            methodKeys = new long[count];
            typeKeys = new long[count];
        }
        for (int f = 0; f < count; f++) {
            // A frame without a method or type field reads as key 0, which no pool holds: "[unknown]" / no type.
            long method = 0;
            long type = 0;
            for (int i = 0; i < frameFields.length; i++) {
                if (i == methodAt) {
                    method = in.readLong();
                } else if (i == typeAt) {
                    type = in.readLong();
                } else if (frameSkips[i] == Values.VARINT) {
                    in.readLong(); // line number, bytecode index
                } else {
                    values.skip(in, frameFields[i]);
                }
            }
            methodKeys[f] = method;
            typeKeys[f] = type;
        }
        return count;
    }

    private String frameName(long methodKey, long typeKey) throws JfrFormatException {
        // Frame-type keys are a handful of small numbers; a pair that does not pack into one long is not cached.
        boolean packable = typeKey >= 0 && typeKey < 256 && methodKey >= 0 && methodKey < (1L << 55);
        long packed = packable ? (methodKey << 8) | typeKey : 0;
        if (packable) {
            int i = frameIndex.get(packed);
            if (i >= 0) {
                return names.get(i);
            }
        }
        String name = resolve(methodKey, typeKey);
        if (packable) {
            frameIndex.putIfAbsent(packed, names.size());
            names.add(name);
        }
        return name;
    }

    private String resolve(long methodKey, long typeKey) throws JfrFormatException {
        Struct method = null;
        if (methodAt >= 0 && pools.get(frameFields[methodAt].typeId(), methodKey) instanceof Struct m) {
            method = m;
        }
        String frameType = typeAt < 0 ? null : pools.text(pools.get(frameFields[typeAt].typeId(), typeKey));
        if (method == null) {
            return sink.frameName(null, null, frameType);
        }
        String cls = ChunkEventReader.className(pools, pools.struct(method, "type"));
        return sink.frameName(cls, pools.text(pools.field(method, "name")), frameType);
    }
}
