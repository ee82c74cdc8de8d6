package dev.oktyv.system.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {

    @Test
    void statsOfKnownValues() {
        MetricsCollector c = new MetricsCollector();
        for (int i = 1; i <= 10_000; i++) {
            c.track("latency_ms", (double) i);
        }
        MetricStats s = c.stats("latency_ms");
        assertThat(s.count()).isEqualTo(10_000);
        assertThat(s.min()).isCloseTo(1, withPercentage(1));
        assertThat(s.max()).isCloseTo(10_000, withPercentage(1));
        assertThat(s.mean()).isCloseTo(5000.5, withPercentage(1));
        assertThat(s.p50()).isCloseTo(5000, withPercentage(1));
        assertThat(s.p95()).isCloseTo(9500, withPercentage(1));
        assertThat(s.p99()).isCloseTo(9900, withPercentage(1));
        assertThat(s.p999()).isCloseTo(9990, withPercentage(1));
    }

    @Test
    void fractionalValuesKeepTheDeclaredResolution() {
        MetricsCollector c = new MetricsCollector(new MetricsOptions(3, 1000, 3));
        c.track("seconds", 0.0452);
        assertThat(c.stats("seconds").max()).isCloseTo(0.045, withPercentage(0.5));
        c.track("seconds", 0.0004); // below the 1e-3 resolution: rounds to 0, still counted
        assertThat(c.stats("seconds").count()).isEqualTo(2);
        assertThat(c.stats("seconds").min()).isEqualTo(0.0);
    }

    @Test
    void valuesAboveTheRangeSaturateInsteadOfFailing() {
        MetricsCollector c = new MetricsCollector(new MetricsOptions(0, 1000, 2));
        c.track("x", 1e9);
        c.track("x", 5_000L);
        assertThat(c.stats("x").count()).isEqualTo(2);
        assertThat(c.stats("x").max()).isCloseTo(1000, withPercentage(1));
    }

    @Test
    void emptySeriesIsNaNNotZero() {
        MetricsCollector c = new MetricsCollector();
        MetricStats s = c.stats("never");
        assertThat(s.count()).isZero();
        assertThat(s.p99()).isNaN();
        assertThat(s.mean()).isNaN();
    }

    @Test
    void badValuesAndKindClashesAreRefusedByName() {
        MetricsCollector c = new MetricsCollector();
        assertThatThrownBy(() -> c.track("lat", -1.0)).hasMessageContaining("lat").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> c.track("lat", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> c.increment("n", -2)).hasMessageContaining("-2");
        c.increment("requests");
        assertThatThrownBy(() -> c.track("requests", 1.0)).hasMessageContaining("requests is already a counter");
    }

    @Test
    void intervalsAddUpToSinceStart() {
        MetricsCollector c = new MetricsCollector();
        long intervalCounts = 0;
        for (int interval = 0; interval < 5; interval++) {
            for (int i = 0; i <= interval * 100; i++) {
                c.track("v", (double) i);
            }
            intervalCounts += c.stats("v", Window.CURRENT_INTERVAL).count();
            assertThat(c.stats("v", Window.CURRENT_INTERVAL).count()).isEqualTo(interval * 100 + 1);
            c.startNewInterval();
        }
        assertThat(c.stats("v", Window.CURRENT_INTERVAL).count()).isZero();
        assertThat(c.stats("v", Window.SINCE_START).count()).isEqualTo(intervalCounts);
    }

    @Test
    void manyThreadsLoseNothing() throws InterruptedException {
        MetricsCollector c = new MetricsCollector();
        int threads = 8;
        int perThread = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    c.track("shared", 1L);
                    c.increment("hits");
                    if (i % 10_000 == 0) {
                        c.stats("shared"); // readers run concurrently with writers
                    }
                }
            });
            th.start();
            ts.add(th);
        }
        go.countDown();
        for (Thread th : ts) {
            th.join();
        }
        assertThat(c.stats("shared").count()).isEqualTo((long) threads * perThread);
        assertThat(c.counterValue("hits")).isEqualTo((long) threads * perThread);
    }

    @Test
    void labelsInAnyOrderAreTheSameSeries() {
        MetricsCollector c = new MetricsCollector();
        c.histogram(MetricKey.of("d", "a", "1", "b", "2")).record(1.0);
        c.histogram(MetricKey.of("d", "b", "2", "a", "1")).record(1.0);
        assertThat(c.stats(MetricKey.of("d", "a", "1", "b", "2"), Window.SINCE_START).count()).isEqualTo(2);
        assertThatThrownBy(() -> MetricKey.of("d", "a", "1", "a", "2")).hasMessageContaining("label a twice");
    }
}
