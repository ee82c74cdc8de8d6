package dev.oktyv.bench.monitoring;

import dev.oktyv.system.monitoring.HistogramMetric;
import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of recording into the {@link MetricsCollector}. Target: at least 10 M ops/s on one thread and no
 * allocation per call ({@code -prof gc}: {@code gc.alloc.rate.norm} ≈ 0). Two threads share one series, the
 * worst case for the recorder's counters; {@code trackByName} includes the name lookup the convenience API does,
 * {@code recordOnHandle} is what the service's request path does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsCollectorBenchmark {

    private MetricsCollector collector;
    private HistogramMetric handle;

    /** Per-thread value stream: a varying value exercises different buckets, as real latencies do. */
    @State(Scope.Thread)
    public static class Values {
        long next = 1;

        double nextSeconds() {
            next = next * 6364136223846793005L + 1442695040888963407L;
            return ((next >>> 40) & 0xFFFF) / 1e5; // 0 .. 0.65 s
        }
    }

    @Setup
    public void setUp() {
        collector = new MetricsCollector();
        handle = collector.histogram(MetricKey.of("bench_handle_seconds"));
        collector.track("bench_seconds", 0.001);
    }

    @Benchmark
    @Threads(1)
    public void trackByName1(Values v) {
        collector.track("bench_seconds", v.nextSeconds());
    }

    @Benchmark
    @Threads(2)
    public void trackByName2(Values v) {
        collector.track("bench_seconds", v.nextSeconds());
    }

    @Benchmark
    @Threads(1)
    public void recordOnHandle1(Values v) {
        handle.record(v.nextSeconds());
    }

    @Benchmark
    @Threads(2)
    public void recordOnHandle2(Values v) {
        handle.record(v.nextSeconds());
    }

    @Benchmark
    @Threads(1)
    public void increment1() {
        collector.increment("bench_total");
    }
}
