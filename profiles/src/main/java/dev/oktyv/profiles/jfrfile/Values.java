package dev.oktyv.profiles.jfrfile;

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
        if (f.array()) {
            int n = length(in);
            for (int i = 0; i < n; i++) {
                skipOne(in, f, 0);
            }
        } else {
            skipOne(in, f, 0);
        }
    }

    private void skipOne(ChunkBuffer in, FieldDef f, int depth) throws JfrFormatException {
        if (f.constantPool()) {
            in.readLong();
            return;
        }
        ClassDef c = metadata.byId(f.typeId());
        if (c.fields().isEmpty()) {
            switch (c.name()) {
                case "boolean", "byte" -> in.readByte();
                case "float" -> in.skip(4);
                case "double" -> in.skip(8);
                case "java.lang.String" -> in.skipString();
                case "char", "short", "int", "long" -> in.readLong();
                default -> throw new JfrFormatException("class " + c.name() + " has no fields and is not a primitive");
            }
            return;
        }
        if (depth > 32) {
            throw new JfrFormatException("values nested more than 32 deep in " + c.name());
        }
        for (FieldDef inner : c.fields()) {
            if (inner.array()) {
                int n = length(in);
                for (int i = 0; i < n; i++) {
                    skipOne(in, inner, depth + 1);
                }
            } else {
                skipOne(in, inner, depth + 1);
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
