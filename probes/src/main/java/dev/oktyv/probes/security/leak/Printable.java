package dev.oktyv.probes.security.leak;

/**
 * A payload as evidence text: control and non-ASCII characters as Java unicode escapes, at most 100 characters, so
 * CR/LF, NUL and look-alike characters stay visible and fit one line.
 */
public final class Printable {

    private Printable() {
    }

    public static String of(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() > 100 ? out.substring(0, 100) + "…" : out.toString();
    }
}
