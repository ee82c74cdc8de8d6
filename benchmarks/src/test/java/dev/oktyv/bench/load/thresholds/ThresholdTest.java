package dev.oktyv.bench.load.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oktyv.results.load.ThresholdOutcome;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdTest {

    @Test
    void parsesK6StyleExpressions() {
        Threshold p95 = Threshold.parse("p95<200ms");
        assertThat(p95.metric()).isEqualTo(new Metric.Percentile(95, "p95"));
        assertThat(p95.comparison()).isEqualTo(Comparison.LESS);
        assertThat(p95.limit()).isEqualTo(200_000.0);
        assertThat(Threshold.parse("p99.9 <= 1.5s").limit()).isEqualTo(1_500_000.0);
        assertThat(Threshold.parse("error_rate<1%").limit()).isEqualTo(0.01);
        assertThat(Threshold.parse("error_rate<0.02").limit()).isEqualTo(0.02);
        assertThat(Threshold.parse("dropped==0").comparison()).isEqualTo(Comparison.EQUAL);
        assertThat(Threshold.parse("rate>=500/s").limit()).isEqualTo(500.0);
        assertThat(Threshold.parse("max<250us").limit()).isEqualTo(250.0);
        Threshold droppedRate = Threshold.parse("dropped_rate<1%");
        assertThat(droppedRate.metric()).isEqualTo(new Metric.DroppedRate());
        assertThat(droppedRate.limit()).isEqualTo(0.01);
        assertThat(Threshold.parse("dropped_rate<=0.05").limit()).isEqualTo(0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropped_rate<lots", "dropped_rate<150%", "dropped_rate<1ms"})
    void rejectsAMalformedDroppedRateInOneLineNamingIt(String bad) {
        assertThatThrownBy(() -> Threshold.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed threshold '" + bad + "': dropped rate '")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownMetricListsDroppedRateAmongTheKnownOnes() {
        assertThatThrownBy(() -> Threshold.parse("drop_rate<1%")).hasMessage(
                "malformed threshold 'drop_rate<1%': unknown metric 'drop_rate'"
                        + " (known: pNN, mean, max, error_rate, dropped_rate, dropped, rate)");
    }

    @Test
    void droppedRateIsTheShareOfIntendedStartsAndNotApplicableWithoutAnIntendedRate() {
        assertThat(ThresholdEvaluator.droppedRate(633, 854, true)).isCloseTo(854.0 / 1487, within(1e-12));
        assertThat(ThresholdEvaluator.droppedRate(1000, 0, true)).isZero();
        assertThat(ThresholdEvaluator.droppedRate(1000, 0, false)).isNaN();
        assertThat(ThresholdEvaluator.droppedRate(0, 0, true)).isNaN();
        // Not applicable fails, as every other missing figure does, rather than passing as "nothing dropped".
        var noRate = new ThresholdEvaluator.Observations(new Histogram(3), false, 0, 0,
                ThresholdEvaluator.droppedRate(1000, 0, false), 100);
        assertThat(ThresholdEvaluator.evaluate(List.of(Threshold.parse("dropped_rate<1%")), noRate))
                .singleElement().satisfies(o -> {
                    assertThat(o.passed()).isFalse();
                    assertThat(o.observed()).isNaN();
                    assertThat(o.metric()).isEqualTo("dropped_rate");
                });
        assertThat(Threshold.parse("dropped_rate<1%").format(854.0 / 1487)).isEqualTo("57.4%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p95<200", "p95 200ms", "p0<1ms", "p101<1ms", "latency<1ms", "error_rate<abc",
            "error_rate<150%", "dropped==1.5", "dropped==-1", "rate>fast", "", "p95<", "<200ms", "p95=200ms"})
    void rejectsMalformedExpressionsNamingThem(String bad) {
        assertThatThrownBy(() -> Threshold.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed threshold '" + bad + "'");
    }

    @Test
    void evaluatesAgainstTheRun() {
        Histogram latency = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            latency.recordValue(i * 1_000_000L); // 1..100 ms
        }
        var obs = new ThresholdEvaluator.Observations(latency, true, 0.005, 3,
                ThresholdEvaluator.droppedRate(9_997, 3, true), 99.5);
        List<ThresholdOutcome> out = ThresholdEvaluator.evaluate(List.of(Threshold.parse("p95<200ms"),
                Threshold.parse("p99<50ms"), Threshold.parse("error_rate<1%"), Threshold.parse("dropped==0"),
                Threshold.parse("rate>=100"), Threshold.parse("dropped_rate<0.1%")), obs);
        assertThat(out).extracting(ThresholdOutcome::passed).containsExactly(true, false, true, false, false, true);
        assertThat(out.get(0).metric()).isEqualTo("p95 (corrected)");
        assertThat(out.get(1).observed()).isBetween(98_000.0, 100_000.0);
        assertThat(out.get(3).observed()).isEqualTo(3.0);
    }

    @Test
    void aMissingFigureNeverPasses() {
        var obs = new ThresholdEvaluator.Observations(new Histogram(3), false, Double.NaN, 0, Double.NaN, 0);
        List<ThresholdOutcome> out = ThresholdEvaluator.evaluate(
                List.of(Threshold.parse("p95<1s"), Threshold.parse("error_rate<=100%")), obs);
        assertThat(out).extracting(ThresholdOutcome::passed).containsExactly(false, false);
        assertThat(out.get(0).metric()).isEqualTo("p95 (service time)");
    }

    @Test
    void observationsAreWrittenInTheUnitOfTheLimit() {
        assertThat(Threshold.parse("p99<50ms").format(6_080)).isEqualTo("6.08ms");
        assertThat(Threshold.parse("p99<500us").format(6_080)).isEqualTo("6080us");
        assertThat(Threshold.parse("max<2s").format(1_234_567)).isEqualTo("1.23s");
        assertThat(Threshold.parse("p50<900ns").format(0.25)).isEqualTo("250ns");
        assertThat(Threshold.parse("error_rate<1%").format(1.0)).isEqualTo("100%");
        assertThat(Threshold.parse("error_rate<0.01").format(0.00125)).isEqualTo("0.125%");
        assertThat(Threshold.parse("dropped==0").format(3)).isEqualTo("3");
        assertThat(Threshold.parse("rate>=500").format(480.04)).isEqualTo("480/s");
        assertThat(Threshold.parse("p99<50ms").format(Double.NaN)).isEqualTo("n/a");
    }
}
