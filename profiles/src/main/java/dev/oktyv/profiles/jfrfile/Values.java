package dev.oktyv.profiles.jfrfile;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes or skips one value of a metadata class. Primitives are the fieldless classes named after Java's types:
 * booleans and bytes are one raw byte, floats and doubles raw big-endian, other integers compressed.
 */
final class Values {

    private final JfrMetadata metadata;

    Values(JfrMetadata metadata) {
        this.metadata = metadata;
    }

    Object read(ChunkBuffer in, FieldDef f) throws JfrFormatException {
        if (f.array()) {
            int n = length(in);
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                items[i] = f.constantPool() ? (Object) in.readLong() : read(in, f.typeId(), 0);
            }
            return items;
        }
        return f.constantPool() ? (Object) in.readLong() : read(in, f.typeId(), 0);
    }

    private Object read(ChunkBuffer in, long typeId, int depth) throws JfrFormatException {
        ClassDef c = metadata.byId(typeId);
        if (c.fields().isEmpty()) {
            return primitive(in, c);
        }
        if (depth > 32) {
            throw new JfrFormatException("values nested more than 32 deep in " + c.name());
        }
        Object[] v = new Object[c.fields().size()];
        for (int i = 0; i < v.length; i++) {
            FieldDef f = c.fields().get(i);
            if (f.array() || f.constantPool()) {
                v[i] = read(in, f);
            } else {
                v[i] = read(in, f.typeId(), depth + 1);
            }
        }
        return new Struct(c, v);
    }

    private static Object primitive(ChunkBuffer in, ClassDef c) throws JfrFormatException {
        return switch (c.name()) {
            case "boolean" -> in.readByte() != 0;
            case "byte" -> (long) in.readByte();
            case "char", "short", "int", "long" -> in.readLong();
            case "float" -> (double) in.readFloat();
            case "double" -> in.readDouble();
            case "java.lang.String" -> in.readString();
            default -> throw new JfrFormatException("class " + c.name() + " has no fields and is not a primitive");
        };
    }

    void skip(ChunkBuffer in, FieldDef f) throws JfrFormatException {
        if (f.constantPool()) {
            if (f.array()) {
                int n = length(in);
                for (int i = 0; i < n; i++) {
                    in.readLong();
                }
            } else {
                in.readLong();
            }
            return;
        }
        Layout l = layout(f.typeId());
        if (f.array()) {
            int n = length(in);
            for (int i = 0; i < n; i++) {
                skip(in, l, 0);
            }
        } else {
            skip(in, l, 0);
        }
    }

    /** Skips one inline value of {@code typeId} (not a constant-pool key). */
    void skipValue(ChunkBuffer in, long typeId) throws JfrFormatException {
        skip(in, layout(typeId), 0);
    }

    /**
     * How a single (not array) field is stepped over: {@link #VARINT} for a pool key or an integer, the other
     * primitive kinds, or {@link #STRUCT} when it needs {@link #skip(ChunkBuffer, FieldDef)}. Lets a hot loop
     * skip a frame's line number without a lookup.
     */
    byte skipKind(FieldDef f) throws JfrFormatException {
        if (f.array()) {
            return STRUCT;
        }
        if (f.constantPool()) {
            return VARINT;
        }
        ClassDef c = metadata.byId(f.typeId());
        // A fieldless class that is no primitive is refused only if a value of it is ever read or skipped.
        byte kind = c.fields().isEmpty() ? kindOf(c.name()) : STRUCT;
        return kind < 0 ? STRUCT : kind;
    }

    /**
     * How to step over a value of one class, worked out once per class: skipping is most of the work of indexing
     * the constant pools (a deep stack trace is hundreds of inline frames), and looking each field's class up by id
     * and its name by string switch, per value, was a tenth of the time of reading a deep-stack recording.
     */
    private static final class Layout {
        final ClassDef type;
        final byte primitive; // SKIP_* for a fieldless class, STRUCT for a class with fields
        final FieldDef[] fields;
        final Layout[] inner; // filled on first use, so that a (malformed) self-containing class cannot recurse here

        Layout(ClassDef type, byte primitive) {
            this.type = type;
            this.primitive = primitive;
            this.fields = type.fields().toArray(new FieldDef[0]);
            this.inner = new Layout[fields.length];
        }
    }

    static final byte VARINT = 0;
    static final byte BYTE = 1;
    static final byte FLOAT = 2;
    static final byte DOUBLE = 3;
    static final byte STRING = 4;
    static final byte STRUCT = 5;

    private final Map<Long, Layout> layouts = new HashMap<>();

    private Layout layout(long typeId) throws JfrFormatException {
        Layout l = layouts.get(typeId);
        if (l == null) {
            ClassDef c = metadata.byId(typeId);
            l = new Layout(c, c.fields().isEmpty() ? primitiveKind(c) : STRUCT);
            layouts.put(typeId, l);
        }
        return l;
    }

    /** How a fieldless class is encoded; a fieldless class that is not one of Java's types is malformed. */
    static byte primitiveKind(ClassDef c) throws JfrFormatException {
        if (c.name() == null) {
            // Damaged metadata can leave a class without its name attribute (found by FastStackReaderFuzzTest).
            throw new JfrFormatException("class id " + c.id() + " has no name and no fields");
        }
        byte kind = kindOf(c.name());
        if (kind < 0) {
            throw new JfrFormatException("class " + c.name() + " has no fields and is not a primitive");
        }
        return kind;
    }

    private static byte kindOf(String primitive) {
        return switch (primitive) {
            case "boolean", "byte" -> BYTE;
            case "float" -> FLOAT;
            case "double" -> DOUBLE;
            case "java.lang.String" -> STRING;
            case "char", "short", "int", "long" -> VARINT;
            default -> -1;
        };
    }

    private void skip(ChunkBuffer in, Layout l, int depth) throws JfrFormatException {
        switch (l.primitive) {
            case VARINT -> in.readLong();
            case BYTE -> in.readByte();
            case FLOAT -> in.skip(4);
            case DOUBLE -> in.skip(8);
            case STRING -> in.skipString();
            default -> skipFields(in, l, depth);
        }
    }

    private void skipFields(ChunkBuffer in, Layout l, int depth) throws JfrFormatException {
        if (depth > 32) {
            throw new JfrFormatException("values nested more than 32 deep in " + l.type.name());
        }
        for (int i = 0; i < l.fields.length; i++) {
            FieldDef f = l.fields[i];
            int n = f.array() ? length(in) : 1;
            if (f.constantPool()) {
                for (int k = 0; k < n; k++) {
                    in.readLong();
                }
                continue;
            }
            Layout inner = l.inner[i];
            if (inner == null) {
                inner = layout(f.typeId());
                l.inner[i] = inner;
            }
            for (int k = 0; k < n; k++) {
                skip(in, inner, depth + 1);
            }
        }
    }

    private static int length(ChunkBuffer in) throws JfrFormatException {
        long n = in.readLong();
        if (n < 0 || n > in.limit()) {
            throw new JfrFormatException("array length " + n + " at offset " + in.position());
        }
        return (int) n;
    }
}
