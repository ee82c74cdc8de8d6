package dev.oktyv.bench.run;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses JMH-style durations ({@code 200ms}, {@code 1s}, {@code 500us}, {@code 2m}) and converts them for JMH. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})(ns|us|ms|s|m|min|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        Matcher m = SHAPE.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 200ms, 1s, 500us, 2m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(n);
            case "us" -> Duration.ofNanos(n * 1_000L);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> throw new IllegalStateException(m.group(2));
        };
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

    /** Inverse of {@link #parse}: {@code 1s}, {@code 200ms}. */
    public static String format(Duration d) {
        TimeValue tv = toTimeValue(d);
        String unit = switch (tv.getTimeUnit()) {
            case HOURS -> "h";
            case MINUTES -> "m";
            case SECONDS -> "s";
            case MILLISECONDS -> "ms";
            case MICROSECONDS -> "us";
            default -> "ns";
        };
        return tv.getTime() + unit;
    }
}
