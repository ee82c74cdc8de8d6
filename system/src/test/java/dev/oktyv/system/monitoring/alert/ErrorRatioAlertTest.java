package dev.oktyv.system.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.monitoring.HistogramMetric;
import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.time.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An error-ratio rule over the request metric, driven through an injected error burst on a manual clock. */
class ErrorRatioAlertTest {

    private static final String METRIC = "http_request_duration_seconds";
    private static final Duration LOOKBACK = Duration.ofSeconds(30);

    private final ManualTime time = new ManualTime();
    private final MetricsCollector metrics = new MetricsCollector();
    private final HistogramMetric ok = metrics.histogram(MetricKey.of(METRIC, "route", "GET /x", "status", "2xx"));
    private final HistogramMetric failed = metrics.histogram(MetricKey.of(METRIC, "route", "GET /x", "status", "5xx"));
    private final ErrorRatio ratio = new ErrorRatio(METRIC, "status", Set.of("5xx"), LOOKBACK);

    private void requests(int good, int bad) {
        for (int i = 0; i < good; i++) {
            ok.record(0.001);
        }
        for (int i = 0; i < bad; i++) {
            failed.record(0.001);
        }
    }

    @Test
    void isTheErrorShareOfTheLookbackWindowAndNaNWithoutTraffic() {
        assertThat(ratio.evaluate(metrics, time.now())).as("one sample: no window yet").isNaN();
        time.advance(Duration.ofSeconds(10));
        assertThat(ratio.evaluate(metrics, time.now())).as("no requests: no data").isNaN();
        requests(90, 10);
        time.advance(Duration.ofSeconds(10));
        assertThat(ratio.evaluate(metrics, time.now())).isEqualTo(0.10);
        requests(100, 0);
        time.advance(Duration.ofSeconds(10));
        assertThat(ratio.evaluate(metrics, time.now())).isEqualTo(10.0 / 200);
        // 40 s after the burst's samples, the window holds only the clean 100 and then nothing.
        time.advance(Duration.ofSeconds(25));
        assertThat(ratio.evaluate(metrics, time.now())).isEqualTo(0.0);
        time.advance(Duration.ofSeconds(35));
        assertThat(ratio.evaluate(metrics, time.now())).isNaN();
    }

    @Test
    void refusesTimeGoingBackwards() {
        ratio.evaluate(metrics, time.now());
        assertThatThrownBy(() -> ratio.evaluate(metrics, time.now().minusSeconds(1)))
                .hasMessageContaining("before its previous evaluation");
    }

    @Test
    void firesUnderAnErrorBurstAfterForAndResolvesAfterKeepFiringFor() {
        AlertManager alerts = new AlertManager(metrics, time.clock());
        alerts.addRule(new AlertRule("error-ratio", ratio, Comparison.GREATER_THAN, 0.05, Duration.ofSeconds(10),
                Duration.ofSeconds(20)));
        List<AlertEvent> events = new ArrayList<>();
        alerts.addListener(events::add);
        List<AlertState> states = new ArrayList<>();
        // 5 s evaluations: 30 s healthy, 20 s burst (half the requests fail), then healthy again.
        for (int second = 0; second <= 120; second += 5) {
            if (second > 0) {
                requests(20, second > 30 && second <= 50 ? 20 : 0);
            }
            alerts.evaluate();
            states.add(alerts.state("error-ratio"));
            time.advance(Duration.ofSeconds(5));
        }
        assertThat(events).extracting(AlertEvent::type)
                .containsExactly(AlertEvent.Type.FIRED, AlertEvent.Type.RESOLVED);
        AlertEvent fired = events.get(0);
        AlertEvent resolved = events.get(1);
        // First bad sample at 35 s: PENDING then, FIRING once it held 10 s.
        assertThat(fired.at()).isEqualTo(time.clock().instant().minusSeconds(125).plusSeconds(45));
        assertThat(fired.value()).isGreaterThan(0.05);
        // The last failures are counted at 50 s; from 80 s the 30 s window (50 s, 80 s] holds none, so the
        // condition last held at 75 s and the alert, kept firing for 20 s after that, resolves at 95 s.
        assertThat(resolved.at()).isEqualTo(time.clock().instant().minusSeconds(125).plusSeconds(95));
        assertThat(states.get(states.size() - 1)).isEqualTo(AlertState.INACTIVE);
    }

    @Test
    void healthyTrafficNeverFires() {
        AlertManager alerts = new AlertManager(metrics, time.clock());
        alerts.addRule(new AlertRule("error-ratio", ratio, Comparison.GREATER_THAN, 0.05, Duration.ZERO,
                Duration.ZERO));
        for (int i = 0; i < 20; i++) {
            requests(100, 1);
            assertThat(alerts.evaluate()).isEmpty();
            time.advance(Duration.ofSeconds(5));
        }
    }
}
