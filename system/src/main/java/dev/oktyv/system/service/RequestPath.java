package dev.oktyv.system.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw request path into percent-decoded segments. Splitting happens before decoding so that an encoded
 * {@code %2F} stays inside its segment; {@code +} is a plus (that rule is for forms, not paths). Dot segments
 * are refused outright: no route needs them, and refusing here means no engine ever sees a traversal attempt.
 */
final class RequestPath {

    private RequestPath() {
    }

    static List<String> segments(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return List.of("");
        }
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        String[] raw = p.split("/", -1);
        List<String> out = new ArrayList<>(raw.length);
        for (String r : raw) {
            String s = decode(r);
            if (s.equals(".") || s.equals("..")) {
                throw new ApiException(400, "bad_path", "dot segments are not allowed in paths");
            }
            if (s.indexOf('\0') >= 0) {
                throw new ApiException(400, "bad_path", "NUL is not allowed in paths");
            }
            out.add(s);
        }
        return out;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new ApiException(400, "bad_path", "truncated percent escape in path");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new ApiException(400, "bad_path", "bad percent escape in path");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
