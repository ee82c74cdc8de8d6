package dev.oktyv.system.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.Window;
import dev.oktyv.system.time.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertManagerTest {

    private final ManualTime time = new ManualTime();
    private final MetricsCollector metrics = new MetricsCollector();
    private final AlertManager alerts = new AlertManager(metrics, time.clock());
    private final List<AlertEvent> received = new ArrayList<>();

    private void rule(Duration forDuration, Duration keepFiringFor) {
        alerts.addRule(new AlertRule("errors-high", MetricQuery.counter("errors_total"), Comparison.GREATER_THAN, 5,
                forDuration, keepFiringFor));
        alerts.addListener(received::add);
    }

    private List<AlertEvent> step(Duration d) {
        time.advance(d);
        return alerts.evaluate();
    }

    @Test
    void firesOnlyAfterTheConditionHeldForItsDuration() {
        rule(Duration.ofMinutes(1), Duration.ZERO);
        metrics.increment("errors_total", 10);
        assertThat(alerts.evaluate()).isEmpty();
        assertThat(alerts.state("errors-high")).isEqualTo(AlertState.PENDING);
        assertThat(step(Duration.ofSeconds(59))).isEmpty();
        List<AlertEvent> fired = step(Duration.ofSeconds(1));
        assertThat(fired).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AlertEvent.Type.FIRED);
            assertThat(e.value()).isEqualTo(10.0);
            assertThat(e.at()).isEqualTo(time.now());
        });
        assertThat(step(Duration.ofSeconds(10))).as("no repeat while firing").isEmpty();
        assertThat(received).hasSize(1);
    }

    @Test
    void aBlipShorterThanForNeverFires() {
        alerts.addRule(new AlertRule("slow", MetricQuery.of("lat", Statistic.MAX, Window.CURRENT_INTERVAL),
                Comparison.GREATER_OR_EQUAL, 1.0, Duration.ofSeconds(30), Duration.ZERO));
        metrics.track("lat", 2.0);
        alerts.evaluate();
        assertThat(alerts.state("slow")).isEqualTo(AlertState.PENDING);
        metrics.startNewInterval();
        metrics.track("lat", 0.1);
        assertThat(step(Duration.ofSeconds(40))).isEmpty();
        assertThat(alerts.state("slow")).isEqualTo(AlertState.INACTIVE);
    }

    @Test
    void keepFiringForSuppressesFlapping() {
        alerts.addRule(new AlertRule("slow", MetricQuery.of("lat", Statistic.MAX, Window.CURRENT_INTERVAL),
                Comparison.GREATER_THAN, 1.0, Duration.ZERO, Duration.ofMinutes(5)));
        metrics.track("lat", 2.0);
        assertThat(alerts.evaluate()).extracting(AlertEvent::type).containsExactly(AlertEvent.Type.FIRED);
        metrics.startNewInterval(); // value falls below the threshold...
        metrics.track("lat", 0.5);
        assertThat(step(Duration.ofMinutes(2))).isEmpty();
        metrics.startNewInterval(); // ...comes back above: still the same episode, no second FIRED
        metrics.track("lat", 3.0);
        assertThat(step(Duration.ofMinutes(2))).isEmpty();
        metrics.startNewInterval();
        metrics.track("lat", 0.5);
        assertThat(step(Duration.ofMinutes(4))).isEmpty();
        List<AlertEvent> resolved = step(Duration.ofMinutes(1));
        assertThat(resolved).extracting(AlertEvent::type).containsExactly(AlertEvent.Type.RESOLVED);
        assertThat(alerts.state("slow")).isEqualTo(AlertState.INACTIVE);
    }

    @Test
    void noDataNeverFires() {
        alerts.addRule(new AlertRule("low", MetricQuery.of("absent", Statistic.P99, Window.SINCE_START),
                Comparison.LESS_THAN, 100, Duration.ZERO, Duration.ZERO));
        assertThat(alerts.evaluate()).isEmpty();
        assertThat(alerts.state("low")).isEqualTo(AlertState.INACTIVE);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        List<AlertEvent> second = new ArrayList<>();
        rule(Duration.ZERO, Duration.ZERO);
        alerts.addListener(e -> {
            throw new IllegalStateException("pager down");
        });
        alerts.addListener(second::add);
        metrics.increment("errors_total", 6);
        assertThat(alerts.evaluate()).hasSize(1);
        assertThat(received).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(alerts.state("errors-high")).isEqualTo(AlertState.FIRING);
    }
}
