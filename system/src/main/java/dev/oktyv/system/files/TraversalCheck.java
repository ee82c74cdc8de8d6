package dev.oktyv.system.files;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * String-level screening of a caller-supplied relative path, before any file-system call.
 *
 * <p>On POSIX, {@code %2e%2e/x}, {@code ..\x} and {@code ．．/x} (full-width dots) are literal, harmless names:
 * the kernel decodes nothing. They are rejected anyway, deliberately. Paths reach this store from URLs, zip
 * files made on Windows, and front ends that may decode once more (or NFKC-normalise) after we checked; a name
 * that <em>means</em> "go up past the root" under any decoding a neighbouring layer plausibly applies is an
 * attack, not a file name, and refusing it costs legitimate users nothing. So a path is refused when any of
 * these readings is absolute or climbs above its start: the text as given; with {@code \} as a separator;
 * percent-decoded repeatedly (double encoding), with lenient UTF-8 that accepts overlong forms like
 * {@code %c0%ae}; and each of those NFKC-normalised (full-width and other compatibility dots and slashes).
 * A {@code ..} that stays inside ({@code a/../b}) is allowed: it resolves to a path under the root.
 *
 * <p>Public so the S3 backend screens keys with this same code: one definition of "escapes", two backends.
 */
public final class TraversalCheck {

    private static final int MAX_DECODE_ROUNDS = 4;

    private TraversalCheck() {
    }

    /** @return null when acceptable, otherwise the reason */
    public static String rejectReason(String given) {
        if (given.isEmpty()) {
            return "empty path";
        }
        if (given.indexOf('\0') >= 0) {
            return "contains a NUL byte";
        }
        for (String reading : readings(given)) {
            if (reading.indexOf('\0') >= 0) {
                return "decodes to a NUL byte";
            }
            if (isAbsolute(reading)) {
                return reading.equals(given) ? "absolute path" : "decodes to absolute path '" + reading + "'";
            }
            if (climbsAboveStart(reading)) {
                return reading.equals(given) ? "'..' escapes the root" : "decodes to '" + reading + "', which escapes the root";
            }
        }
        return null;
    }

    /** The distinct readings of {@code given}, literal first, in the order of {@link #allReadings}. */
    static List<String> readings(String given) {
        if (isAsciiWithoutEscapes(given)) {
            // Nothing to percent-decode, and NFKC leaves ASCII as it is, so the general loop would produce exactly
            // these readings; it costs about a fifth of a 4 KiB read (Normalizer, sets) for the common name. No set
            // either: the two readings are distinct exactly when there is a backslash.
            return given.indexOf('\\') < 0 ? List.of(given) : List.of(given, given.replace('\\', '/'));
        }
        return List.copyOf(allReadings(given));
    }

    private static boolean isAsciiWithoutEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '%') {
                return false;
            }
        }
        return true;
    }

    /** The readings by the general route: repeated percent-decoding, NFKC, backslashes; also for tests. */
    static Set<String> allReadings(String given) {
        Set<String> out = new LinkedHashSet<>();
        List<String> decoded = new ArrayList<>();
        String current = given;
        decoded.add(current);
        for (int i = 0; i < MAX_DECODE_ROUNDS; i++) {
            String next = percentDecode(current);
            if (next.equals(current)) {
                break;
            }
            decoded.add(next);
            current = next;
        }
        for (String d : decoded) {
            String nfkc = Normalizer.normalize(d, Normalizer.Form.NFKC);
            for (String s : List.of(d, nfkc)) {
                out.add(s);
                out.add(s.replace('\\', '/'));
            }
        }
        return out;
    }

    private static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\") || p.startsWith("~")
                || (p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':');
    }

    private static boolean climbsAboveStart(String p) {
        int depth = 0;
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** One round of %XX decoding; invalid escapes stay literal (so "100%.txt" is unchanged). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 3;
            } else {
                flush(bytes, out);
                out.append(c);
                i++;
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(lenientUtf8(bytes.toByteArray()));
            bytes.reset();
        }
    }

    /**
     * Decodes UTF-8 the way old, vulnerable decoders did: overlong forms ({@code C0 AE} for '.', {@code E0 80 AF}
     * for '/') are accepted, so the check sees what such a decoder downstream would see.
     */
    static String lenientUtf8(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; ) {
            int x = b[i] & 0xff;
            int need;
            int cp;
            if (x < 0x80) {
                need = 0;
                cp = x;
            } else if ((x & 0xe0) == 0xc0) {
                need = 1;
                cp = x & 0x1f;
            } else if ((x & 0xf0) == 0xe0) {
                need = 2;
                cp = x & 0x0f;
            } else if ((x & 0xf8) == 0xf0) {
                need = 3;
                cp = x & 0x07;
            } else {
                sb.append('\ufffd');
                i++;
                continue;
            }
            if (need > 0 && i + need >= b.length) { // truncated sequence
                sb.append('\ufffd');
                i++;
                continue;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                int y = b[i + k] & 0xff;
                if ((y & 0xc0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = cp << 6 | (y & 0x3f);
            }
            if (!ok || cp > 0x10ffff) {
                sb.append('\ufffd');
                i++;
                continue;
            }
            sb.appendCodePoint(cp);
            i += need + 1;
        }
        return sb.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
