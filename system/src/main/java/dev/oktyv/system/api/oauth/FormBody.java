package dev.oktyv.system.api.oauth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An {@code application/x-www-form-urlencoded} body built from {@code char[]} values, with the same output as
 * {@link java.net.URLEncoder} (unreserved {@code A-Z a-z 0-9 . - * _} kept, space as '+', everything else as
 * UTF-8 percent escapes). Why not URLEncoder: it takes and returns {@code String}s, which cannot be wiped, and a
 * refresh token or PKCE verifier would stay in the heap until collected. Here the only copy left is the body
 * array, which the caller wipes once the request is sent.
 */
final class FormBody {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256) {
        /** The grown-and-dropped buffers of a ByteArrayOutputStream would keep copies; wipe on every grow. */
        @Override
        public synchronized void write(int b) {
            if (count == buf.length) {
                byte[] old = buf;
                buf = Arrays.copyOf(buf, buf.length * 2);
                Arrays.fill(old, (byte) 0);
            }
            buf[count++] = (byte) b;
        }
    };

    /** Adds {@code name=value}; {@code value} is read, not kept, and not wiped (the caller owns it). */
    FormBody add(String name, char[] value) {
        if (out.size() > 0) {
            out.write('&');
        }
        encode(name.toCharArray());
        out.write('=');
        encode(value);
        return this;
    }

    FormBody add(String name, String value) {
        return add(name, value.toCharArray());
    }

    /** The body; the builder's own buffer is wiped. */
    byte[] toBytes() {
        byte[] body = out.toByteArray();
        wipe();
        return body;
    }

    private void wipe() {
        // reset() keeps the buffer; overwrite what was written before dropping it.
        int n = out.size();
        out.reset();
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        out.reset();
    }

    private void encode(char[] value) {
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer bytes = ByteBuffer.allocate(4 * 2);
        for (int i = 0; i < value.length; i++) {
            char c = value[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '*' || c == '_') {
                out.write(c);
            } else if (c == ' ') {
                out.write('+');
            } else {
                // A surrogate pair is encoded together; a lone surrogate becomes '?', as URLEncoder does.
                int len = Character.isHighSurrogate(c) && i + 1 < value.length
                        && Character.isLowSurrogate(value[i + 1]) ? 2 : 1;
                bytes.clear();
                utf8.reset();
                CoderResult r = utf8.encode(CharBuffer.wrap(value, i, len), bytes, true);
                if (r.isError()) {
                    bytes.clear();
                    bytes.put((byte) '?');
                }
                bytes.flip();
                while (bytes.hasRemaining()) {
                    int b = bytes.get() & 0xff;
                    out.write('%');
                    out.write(HEX[b >> 4]);
                    out.write(HEX[b & 0xf]);
                }
                i += len - 1;
            }
        }
        Arrays.fill(bytes.array(), (byte) 0);
    }
}
