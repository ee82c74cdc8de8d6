package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @Test
    void parsesJmhStyleDurations() {
        assertThat(DurationConverter.parse("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(DurationConverter.parse("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(DurationConverter.parse("500us")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("2MIN")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rejectsWhatIsNotADurationNamingIt() {
        assertThatThrownBy(() -> DurationConverter.parse("1.5s")).isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'1.5s' is not a duration");
        assertThatThrownBy(() -> DurationConverter.parse("10")).hasMessageStartingWith("'10' is not a duration");
    }

    @Test
    void convertsToTheCoarsestExactJmhUnit() {
        assertThat(DurationConverter.toTimeValue(Duration.ofSeconds(1))).isEqualTo(new TimeValue(1, TimeUnit.SECONDS));
        assertThat(DurationConverter.toTimeValue(Duration.ofMillis(1500)))
                .isEqualTo(new TimeValue(1500, TimeUnit.MILLISECONDS));
        assertThat(DurationConverter.toTimeValue(Duration.ofNanos(7))).isEqualTo(new TimeValue(7, TimeUnit.NANOSECONDS));
        assertThat(DurationConverter.format(Duration.ofMillis(200))).isEqualTo("200ms");
    }
}
