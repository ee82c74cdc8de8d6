package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Converts {@link Secret}s to and from UTF-8 without going through {@link String}, which could not be wiped.
 * Intermediate arrays are zeroed before they are dropped.
 */
final class SecretCodec {

    private SecretCodec() {
    }

    static byte[] encode(String key, Secret value) {
        return encode(key, value, java.nio.ByteBuffer::allocate);
    }

    /**
     * Encodes into one buffer of the worst-case size (3 bytes per UTF-16 char for UTF-8), so that no buffer the
     * encoder would otherwise grow and drop keeps a copy; that buffer is wiped before returning.
     * {@code CharsetEncoder.encode(CharBuffer)} guesses 1.1 bytes per char and reallocates for non-ASCII values,
     * leaving the smaller copies behind unwiped.
     */
    static byte[] encode(String key, Secret value, java.util.function.IntFunction<ByteBuffer> allocator) {
        char[] chars = value.reveal();
        ByteBuffer buffer = null;
        try {
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
            buffer = allocator.apply((int) Math.min(Integer.MAX_VALUE - 8,
                    (long) chars.length * (long) Math.ceil(encoder.maxBytesPerChar())));
            CoderResult result = encoder.encode(CharBuffer.wrap(chars), buffer, true);
            if (!result.isError()) {
                result = encoder.flush(buffer);
            }
            if (result.isError()) {
                throw new IllegalArgumentException("value for key '" + key
                        + "' is not valid Unicode (unpaired surrogate)");
            }
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } finally {
            Arrays.fill(chars, '\0');
            if (buffer != null && buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
        }
    }

    /**
     * One decoder per thread: the JDK's UTF-8 decoder converts ASCII runs with an intrinsic, several times
     * faster than a Java loop for 16 KiB values, and creating one per call would cost more than a short value.
     */
    private static final ThreadLocal<CharsetDecoder> DECODERS =
            ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder());

    /** Decodes {@code length} bytes; the caller wipes {@code bytes}. */
    static Secret decode(byte[] bytes, int length) {
        // UTF-8 never yields more UTF-16 chars than bytes.
        char[] chars = new char[length];
        try {
            CharsetDecoder decoder = DECODERS.get().reset();
            CharBuffer out = CharBuffer.wrap(chars);
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
            if (result.isError() || decoder.flush(out).isError()) {
                // Only encode() writes values and it rejects invalid input, so this is a bug, not bad data.
                throw new IllegalStateException("a stored value is not valid UTF-8: " + result);
            }
            return Secret.of(out.position() == length ? chars : Arrays.copyOf(chars, out.position()));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
