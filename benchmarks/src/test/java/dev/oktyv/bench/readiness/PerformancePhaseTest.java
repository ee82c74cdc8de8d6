package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.readiness.PerformanceEvidence.OperationTime;
import dev.oktyv.results.readiness.PhaseFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformancePhaseTest {

    @Test
    void theBenchmarkSourceIsTheSlowestMeanAndTheHighestP95EachNamed() {
        PhaseFigures.OperationLatency l = PerformancePhase.latency(List.of(
                new OperationTime("A.slow (sample)", 12.0, 20.0), new OperationTime("B.spiky (sample)", 3.0, 80.0)));
        assertThat(l.averageMillis()).isEqualTo(12.0);
        assertThat(l.p95Millis()).isEqualTo(80.0);
        assertThat(l.source()).contains("A.slow (sample), the slowest of 2", "highest p95: B.spiky (sample)",
                "JMH sample time per operation");
    }

    @Test
    void noResultIsNotMeasuredNeverZero() {
        PhaseFigures.OperationLatency l = PerformancePhase.latency(List.of());
        assertThat(l.averageMillis()).isNaN();
        assertThat(l.p95Millis()).isNaN();
    }

    @Test
    void onlyTimesPerOperationConvert() {
        assertThat(PerformancePhase.toMillis("us/op")).isEqualTo(1e-3);
        assertThat(PerformancePhase.toMillis("s/op")).isEqualTo(1e3);
        // a throughput unit is not a time per operation: NaN, which fails the criterion
        assertThat(PerformancePhase.toMillis("ops/s")).isNaN();
    }
}
