package dev.oktyv.system.database;

/** A table or column name was refused by {@link Identifier}'s allow-list; the message shows the name escaped. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String rejectedName;

    public InvalidIdentifierException(String rejectedName, String pattern) {
        super("identifier '" + printable(rejectedName) + "' is not allowed: it must match " + pattern);
        this.rejectedName = rejectedName;
    }

    public String rejectedName() {
        return rejectedName;
    }

    /** Control characters would make a one-line error span lines or hide what was sent. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 200 ? b + "..." : b.toString();
    }
}
