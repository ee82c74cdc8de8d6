package dev.oktyv.bench.duration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one duration grammar of every command: a decimal number and a unit ({@code 250us}, {@code 500ms},
 * {@code 1.5s}, {@code 2m}, {@code 1h}; units ns, us, ms, s, m, min, h) or ISO-8601 ({@code PT30S}). A unit is
 * required: a bare {@code 30} is ambiguous (wrk reads seconds, k6 milliseconds in places), so it is rejected rather
 * than guessed, except by {@link #parseJmh} for the options JMH itself defines, where a bare number means seconds
 * as it does in JMH.
 */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,9})?)\\s*(ns|us|µs|ms|s|m|min|h)");
    private static final Pattern BARE = Pattern.compile("\\d{1,15}(?:\\.\\d{1,9})?");
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private Durations() {
    }

    /** @throws IllegalArgumentException one line naming the bad text and the accepted forms */
    public static Duration parse(String text) {
        String v = text == null ? "" : text.trim();
        if (v.regionMatches(true, 0, "PT", 0, 2)) {
            try {
                Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // falls through to the one message
            }
            throw notADuration(text);
        }
        Matcher m = SYNTAX.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw notADuration(text);
        }
        long nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> SECOND;
            case "m", "min" -> MINUTE;
            case "h" -> HOUR;
            default -> throw new AssertionError(m.group(2));
        };
        return Duration.ofNanos(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
    }

    /** Like {@link #parse}, and a bare number is seconds, as in JMH's own {@code -w} and {@code -r}. */
    public static Duration parseJmh(String text) {
        String v = text == null ? "" : text.trim();
        if (BARE.matcher(v).matches()) {
            return Duration.ofNanos(new BigDecimal(v).multiply(BigDecimal.valueOf(SECOND)).longValue());
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            // What JMH itself reads ("1hr", "2 day", "100 ms") means the same here: a JMH user's spelling is not an error.
            try {
                TimeValue t = TimeValue.fromString(v);
                return Duration.ofNanos(t.convertTo(TimeUnit.NANOSECONDS));
            } catch (RuntimeException notJmhEither) {
                throw e;
            }
        }
    }

    /** Like {@link #parse} but the result must be longer than zero; {@code what} names the option in the message. */
    public static Duration parsePositive(String what, String text) {
        Duration d = parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than zero, got '" + text + "'");
        }
        return d;
    }

    /** The one message for a malformed duration, whichever command and option. */
    static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration (use a number and a unit: 500ms, 10s,"
                + " 2m, 1h; or ISO-8601 such as PT30S)");
    }

    /** Short form that {@link #parse} reads back: {@code 1h}, {@code 2m}, {@code 1.5s}, {@code 250ms}, {@code 500us}. */
    public static String format(Duration d) {
        long n = d.toNanos();
        if (n >= HOUR && n % HOUR == 0) {
            return n / HOUR + "h";
        }
        if (n >= MINUTE && n % MINUTE == 0) {
            return n / MINUTE + "m";
        }
        if (n < SECOND && n % 1_000_000L == 0 && n > 0) {
            return n / 1_000_000L + "ms";
        }
        if (n < 1_000_000L && n % 1_000L == 0 && n > 0) {
            return n / 1_000L + "us";
        }
        if (n < 1_000L && n > 0) {
            return n + "ns";
        }
        return BigDecimal.valueOf(n, 9).stripTrailingZeros().toPlainString() + "s";
    }

    /** The coarsest exact JMH unit, so JMH's banner shows {@code 1 s} rather than {@code 1000000000 ns}. */
    public static TimeValue toTimeValue(Duration d) {
        long nanos = d.toNanos();
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.HOURS, TimeUnit.MINUTES, TimeUnit.SECONDS, TimeUnit.MILLISECONDS,
                TimeUnit.MICROSECONDS}) {
            long perUnit = unit.toNanos(1);
            if (nanos % perUnit == 0) {
                return new TimeValue(nanos / perUnit, unit);
            }
        }
        return new TimeValue(nanos, TimeUnit.NANOSECONDS);
    }
}
