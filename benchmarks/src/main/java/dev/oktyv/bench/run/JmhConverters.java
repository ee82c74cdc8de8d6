package dev.oktyv.bench.run;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.WarmupMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the JMH option values that are not plain numbers. */
final class JmhConverters {

    private JmhConverters() {
    }

    /** {@code -bm}: JMH's short or long mode names ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}, {@code all}). */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.deepValueOf(value);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new TypeConversionException("'" + value + "' is not a benchmark mode; use one of "
                        + String.join(", ", Mode.getKnown()));
            }
        }
    }

    /** {@code -tu}: {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h}. */
    static final class TimeUnitConverter implements ITypeConverter<TimeUnit> {
        @Override
        public TimeUnit convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "ns" -> TimeUnit.NANOSECONDS;
                case "us" -> TimeUnit.MICROSECONDS;
                case "ms" -> TimeUnit.MILLISECONDS;
                case "s" -> TimeUnit.SECONDS;
                case "m", "min" -> TimeUnit.MINUTES;
                case "h" -> TimeUnit.HOURS;
                default -> throw new TypeConversionException("'" + value + "' is not a time unit; use ns, us, ms, s, m or h");
            };
        }
    }

    /** {@code -t}: a thread count, or {@code max} for one thread per available CPU (JMH's {@code Threads.MAX}). */
    static final class ThreadsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if ("max".equalsIgnoreCase(value)) {
                return Threads.MAX;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a thread count; use a number >= 1 or max");
            }
        }
    }

    /** {@code -wm}: INDI, BULK, BULK_INDI, in any case. */
    static final class WarmupModeConverter implements ITypeConverter<WarmupMode> {
        @Override
        public WarmupMode convert(String value) {
            try {
                return WarmupMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a warm-up mode; use INDI, BULK or BULK_INDI");
            }
        }
    }

    /** {@code -v}: SILENT, NORMAL, EXTRA, in any case. */
    static final class VerboseModeConverter implements ITypeConverter<VerboseMode> {
        @Override
        public VerboseMode convert(String value) {
            try {
                return VerboseMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a verbosity; use SILENT, NORMAL or EXTRA");
            }
        }
    }
}
