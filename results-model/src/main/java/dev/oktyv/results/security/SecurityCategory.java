package dev.oktyv.results.security;

import java.util.Locale;

/** The areas the security phase attacks; the wire names are also the values of {@code --category}. */
public enum SecurityCategory {
    VAULT, DATABASE, API, FILE, EMAIL, SERVICE, GENERAL;

    /** The lower-case name, e.g. {@code vault}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SecurityCategory fromWire(String s) {
        for (SecurityCategory c : values()) {
            if (c.wireName().equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown security category '" + s
                + "' (expected vault, database, api, file, email, service or general)");
    }
}
