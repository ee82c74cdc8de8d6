package dev.oktyv.results.readiness;

import java.util.Locale;

/** The five phases of the readiness run, in the order they run and are reported (the seed's order). */
public enum Phase {
    LOAD("Load Testing"),
    SECURITY("Security Audit"),
    PERFORMANCE("Performance"),
    MONITORING("Monitoring"),
    RECOVERY("Error Recovery");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    /** The seed's console title, e.g. {@code Load Testing}. */
    public String title() {
        return title;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase fromWire(String s) {
        for (Phase p : values()) {
            if (p.wireName().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + s + "' (known: load, security, performance,"
                + " monitoring, recovery)");
    }
}
