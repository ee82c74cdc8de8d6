package dev.oktyv.system.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (password, token, key). It never shows itself: {@link #toString()} is redacted, and there is
 * no {@code equals} that could be logged by a failing assertion. Callers read it with {@link #reveal()} at the
 * last possible moment and {@link #destroy()} it when done.
 */
public final class Secret implements AutoCloseable {

    private final char[] value;
    private volatile boolean destroyed;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Copies {@code value}; the caller may wipe its own array afterwards. */
    public static Secret of(char[] value) {
        return new Secret(value.clone());
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    /**
     * Decodes UTF-8 (malformed input becomes U+FFFD, as {@code new String} would do) without going through a
     * {@code String}, which could not be wiped; the intermediate array is wiped, {@code value} is the caller's.
     */
    public static Secret ofUtf8(byte[] value) {
        char[] chars = new char[value.length]; // UTF-8 never yields more UTF-16 chars than bytes
        try {
            CharBuffer out = CharBuffer.wrap(chars);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            decoder.decode(ByteBuffer.wrap(value), out, true);
            decoder.flush(out);
            return new Secret(Arrays.copyOf(chars, out.position()));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** A copy of the value; wipe it after use. */
    public char[] reveal() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return value.clone();
    }

    public String revealAsString() {
        return new String(reveal());
    }

    public int length() {
        return value.length;
    }

    public void destroy() {
        Arrays.fill(value, '\0');
        destroyed = true;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
