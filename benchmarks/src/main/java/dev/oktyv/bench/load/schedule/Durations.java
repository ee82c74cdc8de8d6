package dev.oktyv.bench.load.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration syntax of the load command: a decimal number and a unit, {@code 250us}, {@code 500ms},
 * {@code 1.5s}, {@code 2m}, {@code 1h}. A unit is required: a bare {@code 30} is ambiguous (wrk reads seconds,
 * k6 milliseconds in some places), so it is rejected rather than guessed.
 */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the bad text */
    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected a number and a unit,"
                    + " e.g. 500ms, 1.5s, 2m; units ns, us, ms, s, m, h)");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        long nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new AssertionError(m.group(2));
        };
        return Duration.ofNanos(value.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
    }

    /** Like {@link #parse} but the result must be longer than zero; {@code what} names the option in the message. */
    public static Duration parsePositive(String what, String text) {
        Duration d = parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than zero, got '" + text + "'");
        }
        return d;
    }

    /** Short human form: 1.5s, 250ms, 2m. */
    public static String format(Duration d) {
        long n = d.toNanos();
        if (n % 60_000_000_000L == 0 && n >= 60_000_000_000L) {
            return n / 60_000_000_000L + "m";
        }
        if (n % 1_000_000L == 0 && n < 1_000_000_000L) {
            return n / 1_000_000L + "ms";
        }
        return BigDecimal.valueOf(n, 9).stripTrailingZeros().toPlainString() + "s";
    }
}
