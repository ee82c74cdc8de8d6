package dev.oktyv.system.email;

/**
 * Rejects header values that could start a new header line. SMTP headers end at CR LF, so a CR or LF inside a
 * value lets the caller append "Bcc: someone" or even a body. Other line-ish characters (NEL, LINE/PARAGRAPH
 * SEPARATOR) and control characters are rejected too: some relays and clients treat them as breaks, and no
 * legitimate header value needs them.
 */
final class HeaderGuard {

    private HeaderGuard() {
    }

    static String requireSingleLine(String field, String value) {
        if (value == null) {
            throw new InvalidEmailException(field + " is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new InvalidEmailException(field + " " + quote(value) + " contains a line break (CR or LF)");
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                throw new InvalidEmailException(field + " " + quote(value) + " contains control character U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c));
            }
        }
        return value;
    }

    /** Longest header value accepted, in characters: enough for any legitimate custom header or subject. */
    static final int MAX_VALUE_CHARS = 4096;
    /**
     * Longest run without white space: folding can only break a header line at white space, and RFC 5322 2.1.1
     * caps a line at 998 characters; 900 leaves room for the field name.
     */
    static final int MAX_UNBROKEN_CHARS = 900;

    /** Refuses a value too long to be sent, or that folding cannot bring under the 998-character line limit. */
    static String requireFoldable(String field, String value) {
        if (value.length() > MAX_VALUE_CHARS) {
            throw new InvalidEmailException(field + " " + quote(value) + " is " + value.length()
                    + " characters long, above the limit of " + MAX_VALUE_CHARS);
        }
        int run = 0;
        int longest = 0;
        for (int i = 0; i < value.length(); i++) {
            run = Character.isWhitespace(value.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        if (longest > MAX_UNBROKEN_CHARS) {
            throw new InvalidEmailException(field + " " + quote(value) + " has " + longest
                    + " characters without a space, which cannot be folded under the 998-character line limit;"
                    + " the limit is " + MAX_UNBROKEN_CHARS);
        }
        return value;
    }

    /** The value with control characters made visible and cut to 80 characters, safe for one log line. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < value.length() && b.length() < 80; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r': b.append("\\r"); break;
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append(value.length() > 80 ? "...'" : "'").toString();
    }
}
