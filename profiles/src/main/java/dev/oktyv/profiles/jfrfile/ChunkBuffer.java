package dev.oktyv.profiles.jfrfile;

import java.nio.charset.StandardCharsets;

/**
 * Reads JFR's encodings from one chunk's bytes: LEB128-compressed integers (the only integer encoding this reader
 * accepts; both the JDK and async-profiler write it), raw big-endian floats, and encoded strings. Positions are
 * offsets from the chunk start. Running off the end is a {@link JfrFormatException}, never a wrong value.
 */
final class ChunkBuffer {

    static final byte STRING_NULL = 0;
    static final byte STRING_EMPTY = 1;
    static final byte STRING_CONSTANT_POOL = 2;
    static final byte STRING_UTF8 = 3;
    static final byte STRING_CHARS = 4;
    static final byte STRING_LATIN1 = 5;

    private final byte[] buf;
    private final int limit;
    private int pos;

    /**
     * A heap copy of the chunk: decoding from an array is markedly faster than from a mapped buffer (no bounds
     * exceptions to translate, no scoped-memory access), and a chunk is about 12 MB.
     */
    ChunkBuffer(byte[] chunk) {
        this.buf = chunk;
        this.limit = chunk.length;
    }

    int position() {
        return pos;
    }

    void position(long p) throws JfrFormatException {
        if (p < 0 || p > limit) {
            throw new JfrFormatException("offset " + p + " is outside the chunk (" + limit + " bytes)");
        }
        pos = (int) p;
    }

    /**
     * Moves to the special event (metadata 0, constant pool 1) at {@code offset} and past its common header: size,
     * type, start time and duration.
     */
    void enterEvent(long offset, long expectedType, String what) throws JfrFormatException {
        position(offset);
        readInt(); // size
        long type = readLong();
        if (type != expectedType) {
            throw new JfrFormatException("the " + what + " offset " + offset + " holds event type " + type + ", not "
                    + expectedType);
        }
        readLong(); // start time
        readLong(); // duration
    }

    int limit() {
        return limit;
    }

    long rawLong(int at) {
        return ((long) rawInt(at) << 32) | (rawInt(at + 4) & 0xFFFFFFFFL);
    }

    int rawInt(int at) {
        return ((buf[at] & 0xFF) << 24) | ((buf[at + 1] & 0xFF) << 16) | ((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF);
    }

    byte readByte() throws JfrFormatException {
        if (pos >= limit) {
            throw new JfrFormatException("unexpected end of chunk at offset " + pos);
        }
        return buf[pos++];
    }

    /** JFR's compressed long: 7 bits per byte, low bits first, the ninth byte contributing all 8 of its bits. */
    long readLong() throws JfrFormatException {
        if (pos + 9 <= limit) {
            // The common case, without a bounds check per byte.
            long ret = 0;
            for (int shift = 0; shift < 56; shift += 7) {
                byte b = buf[pos++];
                ret |= (b & 0x7FL) << shift;
                if (b >= 0) {
                    return ret;
                }
            }
            return ret | ((buf[pos++] & 0xFFL) << 56);
        }
        long ret = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = readByte();
            ret |= (b & 0x7FL) << shift;
            if (b >= 0) {
                return ret;
            }
        }
        return ret | ((readByte() & 0xFFL) << 56);
    }

    int readInt() throws JfrFormatException {
        return (int) readLong();
    }

    void skip(long bytes) throws JfrFormatException {
        position(pos + bytes);
    }

    float readFloat() throws JfrFormatException {
        need(4);
        float f = Float.intBitsToFloat(rawInt(pos));
        pos += 4;
        return f;
    }

    double readDouble() throws JfrFormatException {
        need(8);
        double d = Double.longBitsToDouble(rawLong(pos));
        pos += 8;
        return d;
    }

    private void need(int n) throws JfrFormatException {
        if (pos + n > limit) {
            throw new JfrFormatException("unexpected end of chunk at offset " + pos);
        }
    }

    /**
     * An encoded string. A constant-pool reference comes back as a {@link StringRef}, resolved later: the pool it
     * points into may be read after the value that uses it.
     */
    Object readString() throws JfrFormatException {
        byte encoding = readByte();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_CONSTANT_POOL:
                return new StringRef(readLong());
            case STRING_UTF8:
                return new String(bytes(readLength()), StandardCharsets.UTF_8);
            case STRING_LATIN1:
                return new String(bytes(readLength()), StandardCharsets.ISO_8859_1);
            case STRING_CHARS: {
                int n = readLength();
                char[] c = new char[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (char) readLong();
                }
                return new String(c);
            }
            default:
                throw new JfrFormatException("unknown string encoding " + encoding + " at offset " + (pos - 1));
        }
    }

    void skipString() throws JfrFormatException {
        byte encoding = readByte();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> { }
            case STRING_CONSTANT_POOL -> readLong();
            case STRING_UTF8, STRING_LATIN1 -> skip(readLength());
            case STRING_CHARS -> {
                int n = readLength();
                for (int i = 0; i < n; i++) {
                    readLong();
                }
            }
            default -> throw new JfrFormatException("unknown string encoding " + encoding + " at offset "
                    + (pos - 1));
        }
    }

    private int readLength() throws JfrFormatException {
        long n = readLong();
        if (n < 0 || n > limit - pos) {
            throw new JfrFormatException("string length " + n + " at offset " + pos + " runs past the chunk");
        }
        return (int) n;
    }

    private byte[] bytes(int n) throws JfrFormatException {
        need(n);
        byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    /** A string stored in the chunk's {@code java.lang.String} constant pool. */
    record StringRef(long key) {
    }
}
