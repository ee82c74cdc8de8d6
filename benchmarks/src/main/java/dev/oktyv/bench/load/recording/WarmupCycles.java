package dev.oktyv.bench.load.recording;

import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;

/**
 * The closed model's intended rate when none is configured: the mean cycle (service time plus think time) of the
 * warm-up's operations, over all workers, becomes each worker's schedule period for the measured phase. It is
 * decided once, by the first worker to reach the measured window, from the cycles completed by then; a warm-up
 * that completed fewer than {@value #MIN_CYCLES_PER_WORKER} operations per worker gives no rate (a mean of a few
 * cold-start operations would make a schedule that measures the JIT, not the target).
 */
public final class WarmupCycles {

    public static final int MIN_CYCLES_PER_WORKER = 10;

    private final LongAdder cycles = new LongAdder();
    private final LongAdder cycleNanos = new LongAdder();
    private boolean decided;
    private OptionalDouble periodNanos = OptionalDouble.empty();

    void add(long nanos) {
        cycles.increment();
        cycleNanos.add(nanos);
    }

    synchronized OptionalDouble decide(int workers) {
        if (!decided) {
            decided = true;
            long n = cycles.sum();
            long total = cycleNanos.sum();
            if (n >= (long) MIN_CYCLES_PER_WORKER * workers && total > 0) {
                periodNanos = OptionalDouble.of((double) total / n);
            }
        }
        return periodNanos;
    }

    /** Whether a worker reached the measured window and asked for the rate (the event-loop driver never does). */
    public synchronized boolean decided() {
        return decided;
    }

    /** The derived per-worker period, empty when not (yet) derived or when the warm-up was too short. */
    public synchronized OptionalDouble periodNanos() {
        return periodNanos;
    }

    public long cycles() {
        return cycles.sum();
    }
}
