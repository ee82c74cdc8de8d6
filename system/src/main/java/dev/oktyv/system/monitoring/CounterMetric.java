package dev.oktyv.system.monitoring;

import java.util.concurrent.atomic.LongAdder;

/** A monotonic counter. {@link LongAdder} so that many threads incrementing do not fight over one cache line. */
public final class CounterMetric {

    private final MetricKey key;
    private final LongAdder adder = new LongAdder();

    CounterMetric(MetricKey key) {
        this.key = key;
    }

    public MetricKey key() {
        return key;
    }

    public void increment() {
        adder.increment();
    }

    /** Counters only go up (Prometheus relies on it to detect restarts), so a negative step is refused. */
    public void increment(long by) {
        if (by < 0) {
            throw new IllegalArgumentException("counter " + key.name() + " can only grow, increment was " + by);
        }
        adder.add(by);
    }

    /** Since start; counters have no interval window, rates are the reader's business. */
    public long value() {
        return adder.sum();
    }
}
