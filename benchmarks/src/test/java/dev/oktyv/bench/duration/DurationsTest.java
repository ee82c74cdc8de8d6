package dev.oktyv.bench.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.runner.options.TimeValue;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "10s, PT10S", "2m, PT2M", "2min, PT2M", "1h, PT1H", "PT30S, PT30S", "pt30s, PT30S",
            "1.5s, PT1.5S", "250us, PT0.00025S", "7ns, PT0.000000007S", "0s, PT0S", "2MIN, PT2M"})
    void readsEveryFormWithAUnitOrIso(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"10", "ten", "-1s", "1.5", "5 parsecs", "PT-3S", "''", "1e3s"})
    void refusesTheRestWithOneLineNamingTheValue(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration (use a number and a unit: 500ms, 10s, 2m, 1h;"
                        + " or ISO-8601 such as PT30S)");
    }

    @Test
    void jmhOptionsReadABareNumberAsSecondsAsJmhDoes() {
        assertThat(Durations.parseJmh("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parseJmh("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parseJmh("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> Durations.parseJmh("fast")).hasMessageStartingWith("'fast' is not a duration");
    }

    @Test
    void jmhOptionsReadJmhsOwnUnitSpellings() {
        assertThat(Durations.parseJmh("1hr")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parseJmh("100 ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(Durations.parseJmh("2 day")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> Durations.parseJmh("1 fortnight")).hasMessageStartingWith("'1 fortnight' is not a duration");
        assertThatThrownBy(() -> Durations.parse("1hr")).hasMessageStartingWith("'1hr' is not a duration");
    }

    @Test
    void positiveNamesTheOption() {
        assertThatThrownBy(() -> Durations.parsePositive("--duration", "0s")).hasMessage("--duration must be longer than zero, got '0s'");
    }

    @Test
    void formatReadsBackAndPicksTheCoarsestUnit() {
        for (String s : new String[] {"1h", "2m", "90s", "1.5s", "250ms", "500us", "7ns", "0s"}) {
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
        }
    }

    @Test
    void jmhTimeValueUsesTheCoarsestExactUnit() {
        assertThat(Durations.toTimeValue(Duration.ofSeconds(1))).isEqualTo(new TimeValue(1, TimeUnit.SECONDS));
        assertThat(Durations.toTimeValue(Duration.ofMillis(1500))).isEqualTo(new TimeValue(1500, TimeUnit.MILLISECONDS));
        assertThat(Durations.toTimeValue(Duration.ofNanos(7))).isEqualTo(new TimeValue(7, TimeUnit.NANOSECONDS));
    }
}
