package dev.oktyv.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRatiosTest {

    @Test
    void aConstantRatioHasAZeroWidthInterval() {
        PairedRatios p = PairedRatios.of(List.of(100.0, 200.0, 50.0), List.of(97.0, 194.0, 48.5));
        assertThat(p.ratio()).isCloseTo(0.97, within(1e-12));
        assertThat(p.changePercent()).isCloseTo(-3.0, within(1e-9));
        assertThat(p.low()).isCloseTo(0.97, within(1e-12));
        assertThat(p.high()).isCloseTo(0.97, within(1e-12));
    }

    @Test
    void pairingCancelsDriftThatUnpairedMeansWouldMistakeForNoise() {
        // The baseline drifts 4x over the rounds; the treatment is always 10% slower than its own round's baseline,
        // give or take 1%. Paired, the interval is tight around -10% and excludes zero.
        List<Double> base = List.of(100.0, 200.0, 300.0, 400.0);
        List<Double> treat = List.of(91.0, 178.0, 270.0, 364.0);
        PairedRatios p = PairedRatios.of(base, treat);
        assertThat(p.changePercent()).isCloseTo(-10.0, within(0.5));
        assertThat(p.high()).isLessThan(1.0);
        assertThat(p.low()).isGreaterThan(0.85);
    }

    @Test
    void theIntervalIsStudentTOnLogRatios() {
        // log ratios: ln(1.1), ln(0.9), ln(1.0); mean m, sd s, t(0.975, 2) = 4.302652729911275
        double[] l = {Math.log(1.1), Math.log(0.9), 0};
        double m = (l[0] + l[1] + l[2]) / 3;
        double s = Math.sqrt(((l[0] - m) * (l[0] - m) + (l[1] - m) * (l[1] - m) + (l[2] - m) * (l[2] - m)) / 2);
        double half = 4.302652729911275 * s / Math.sqrt(3);
        PairedRatios p = PairedRatios.of(List.of(10.0, 10.0, 10.0), List.of(11.0, 9.0, 10.0));
        assertThat(p.ratio()).isCloseTo(Math.exp(m), within(1e-12));
        assertThat(p.low()).isCloseTo(Math.exp(m - half), within(1e-9));
        assertThat(p.high()).isCloseTo(Math.exp(m + half), within(1e-9));
    }

    @Test
    void oneRoundHasNoInterval() {
        PairedRatios p = PairedRatios.of(List.of(10.0), List.of(12.0));
        assertThat(p.ratio()).isCloseTo(1.2, within(1e-12));
        assertThat(p.low()).isNaN();
        assertThat(p.high()).isNaN();
    }

    @Test
    void badInputNamesTheValue() {
        assertThatThrownBy(() -> PairedRatios.of(List.of(1.0, 2.0), List.of(1.0)))
                .hasMessageContaining("2 baseline and 1 treatment");
        assertThatThrownBy(() -> PairedRatios.of(List.of(1.0, 0.0), List.of(1.0, 1.0)))
                .hasMessageContaining("baseline 0.0").hasMessageContaining("round 2");
    }
}
