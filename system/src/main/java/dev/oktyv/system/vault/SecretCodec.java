package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
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
        char[] chars = value.reveal();
        ByteBuffer buffer = null;
        try {
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
            buffer = encoder.encode(CharBuffer.wrap(chars));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("value for key '" + key + "' is not valid Unicode (unpaired surrogate)");
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
