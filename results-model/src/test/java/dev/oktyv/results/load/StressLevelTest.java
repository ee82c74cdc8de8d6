package dev.oktyv.results.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StressLevelTest {

    @Test
    void labelsCarryTheirUnit() {
        assertThat(StressLevel.rate(800).label()).isEqualTo("800/s offered");
        assertThat(StressLevel.workers(16).label()).isEqualTo("16 workers");
        assertThat(StressLevel.workers(1).label()).isEqualTo("1 worker");
    }

    @Test
    void kindsComeFromStressJsonAndFromTheLoadModel() {
        assertThat(StressLevel.Kind.ofWireName("concurrency")).isEqualTo(StressLevel.Kind.CONCURRENCY);
        assertThat(StressLevel.Kind.ofWireName("rate")).isEqualTo(StressLevel.Kind.RATE);
        assertThat(StressLevel.Kind.ofModelKind(LoadSummary.ModelKind.CLOSED)).isEqualTo(StressLevel.Kind.CONCURRENCY);
        assertThat(StressLevel.Kind.ofModelKind(LoadSummary.ModelKind.OPEN)).isEqualTo(StressLevel.Kind.RATE);
        assertThatThrownBy(() -> StressLevel.Kind.ofWireName("workers")).hasMessageContaining("got 'workers'");
        assertThatThrownBy(() -> LoadSummary.ModelKind.ofWireName("half-open")).hasMessageContaining("got 'half-open'");
    }

    @Test
    void badLevelsAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> StressLevel.rate(0)).hasMessageContaining("stress level 0.0 must be");
        assertThatThrownBy(() -> StressLevel.rate(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new StressLevel(StressLevel.Kind.CONCURRENCY, 2.5))
                .hasMessageContaining("2.5 must be a whole number of workers");
    }
}
