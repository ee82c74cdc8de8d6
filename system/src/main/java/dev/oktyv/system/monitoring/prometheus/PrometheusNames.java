package dev.oktyv.system.monitoring.prometheus;

/** Sanitising and escaping rules of the Prometheus text format 0.0.4. */
public final class PrometheusNames {

    private PrometheusNames() {
    }

    /** A metric name matching {@code [a-zA-Z_:][a-zA-Z0-9_:]*}: every other character becomes {@code _}. */
    public static String metricName(String name) {
        return sanitise(name, true);
    }

    /** A label name matching {@code [a-zA-Z_][a-zA-Z0-9_]*} (no colon, which is reserved for metric names). */
    public static String labelName(String name) {
        return sanitise(name, false);
    }

    private static String sanitise(String name, boolean colonAllowed) {
        StringBuilder sb = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok && i == 0 && c >= '0' && c <= '9') {
                sb.append('_').append(c); // keep the digit, make the first character legal
            } else {
                sb.append(ok ? c : '_');
            }
        }
        return sb.toString();
    }

    /** Label values may hold any UTF-8; only backslash, double quote and line feed are escaped. */
    public static String labelValue(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** HELP text escapes only backslash and line feed. */
    public static String helpText(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /**
     * A sample value. Go's ParseFloat reads Java's {@code Double.toString} forms; integers are written without
     * a fraction, and the specials are spelled as the format wants, whatever the default locale.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
