package dev.oktyv.probes.security.leak;

import java.util.IdentityHashMap;
import java.util.Map;

/** The text an exception can leak: class, message and the same for every cause and suppressed exception. */
public final class Throwables {

    private Throwables() {
    }

    public static String describe(Throwable t) {
        StringBuilder out = new StringBuilder();
        append(t, out, new IdentityHashMap<>());
        return out.toString();
    }

    private static void append(Throwable t, StringBuilder out, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ").append(t).append('\n');
        for (Throwable s : t.getSuppressed()) {
            append(s, out, seen);
        }
        append(t.getCause(), out, seen);
    }
}
