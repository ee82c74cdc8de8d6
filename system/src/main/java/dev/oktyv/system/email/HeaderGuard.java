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
