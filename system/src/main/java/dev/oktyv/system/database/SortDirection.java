package dev.oktyv.system.database;

import java.util.Locale;

/** ORDER BY direction; user text reaches SQL only through {@link #parse}, which accepts exactly two words. */
public enum SortDirection {
    ASC, DESC;

    public static SortDirection parse(String text) {
        if (text != null) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            if (t.equals("ASC")) {
                return ASC;
            }
            if (t.equals("DESC")) {
                return DESC;
            }
        }
        throw new IllegalArgumentException("sort direction '" + (text == null ? "null"
                : InvalidIdentifierException.printable(text)) + "' must be ASC or DESC");
    }
}
