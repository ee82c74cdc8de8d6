package dev.oktyv.bench.duration;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli's side of {@link Durations#parse}: every command's duration options use it, so a malformed value gets
 * the same one line ({@code Invalid value for option '--x': '10' is not a duration (...)}) and exit 2 everywhere.
 */
public class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** For JMH's own time options: a bare number is seconds, as in JMH. */
    public static final class Jmh implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parseJmh(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
