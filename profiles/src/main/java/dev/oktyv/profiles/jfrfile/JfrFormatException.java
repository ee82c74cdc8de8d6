package dev.oktyv.profiles.jfrfile;

import java.io.IOException;

/** The bytes are not what this reader can decode; the one-line message says what and where. */
public final class JfrFormatException extends IOException {

    public JfrFormatException(String message) {
        super(oneLine(message));
    }

    /**
     * Messages quote values read from a damaged file (a metadata name, an attribute), and those can hold any
     * character; a line break or a terminal escape would split or garble the one-line error the command prints.
     */
    static String oneLine(String message) {
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
