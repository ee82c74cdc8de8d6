package dev.oktyv.probes.security.email;

/** Control and non-ASCII characters as Java unicode escapes, so a payload fits one evidence line. */
final class Printable {

    private Printable() {
    }

    static String of(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() > 100 ? out.substring(0, 100) + "…" : out.toString();
    }
}
