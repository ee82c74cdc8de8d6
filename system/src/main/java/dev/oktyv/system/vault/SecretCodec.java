package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
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

    /** Decodes {@code length} bytes; the caller wipes {@code bytes}. */
    static Secret decode(byte[] bytes, int length) {
        char[] chars = new char[length];
        try {
            int i = 0;
            // ASCII fast path: most secrets (tokens, passwords, keys) are ASCII, and a decoder costs more
            // than the decryption for short values.
            while (i < length && bytes[i] >= 0) {
                chars[i] = (char) bytes[i];
                i++;
            }
            if (i == length) {
                return Secret.of(chars);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            CharBuffer out = CharBuffer.wrap(chars);
            decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
            decoder.flush(out);
            return Secret.of(Arrays.copyOf(chars, out.position()));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
