package dev.oktyv.bench.load.recording;

import dev.oktyv.bench.load.executor.Outcome;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where executors report: routes each operation to the warm-up or the measured phase by when it was INTENDED to
 * start, so an operation scheduled during the warm-up but finished after it is still warm-up.
 */
public final class RunRecorder {

    private final long measuredStartNanoTime;
    private final PhaseRecorder warmup;
    private final PhaseRecorder measured;
    private final LongAdder dropped = new LongAdder();
    private final WarmupCycles warmupCycles = new WarmupCycles();

    public RunRecorder(long measuredStartNanoTime, boolean correctedApplicable) {
        this.measuredStartNanoTime = measuredStartNanoTime;
        this.warmup = new PhaseRecorder(correctedApplicable);
        this.measured = new PhaseRecorder(correctedApplicable);
    }

    /** {@code inMeasuredWindow} is decided by the executor: by arrival index (open) or intended time (closed). */
    public void record(boolean inMeasuredWindow, long intendedNanos, long startNanos, long endNanos, Outcome outcome) {
        (inMeasuredWindow ? measured : warmup).record(intendedNanos, startNanos, endNanos, outcome);
    }

    /** Intended starts in the measured window that were skipped. */
    public void dropped(long count) {
        if (count > 0) {
            dropped.add(count);
        }
    }

    /** One warm-up cycle (service time plus think time) of a closed model that derives its rate from the warm-up. */
    public void warmupCycle(long cycleNanos) {
        warmupCycles.add(cycleNanos);
    }

    /**
     * The per-worker schedule period derived from the warm-up, decided once. When there is none, the measured
     * phase stops recording corrected latency (there is no schedule to measure it against); this happens before
     * any measured operation, because every worker asks before its first one.
     */
    public OptionalDouble derivePeriodNanos(int workers) {
        OptionalDouble period = warmupCycles.decide(workers);
        if (period.isEmpty()) {
            measured.correctedNotApplicable();
        }
        return period;
    }

    public WarmupCycles warmupCycles() {
        return warmupCycles;
    }

    public long dropped() {
        return dropped.sum();
    }

    public long measuredStartNanoTime() {
        return measuredStartNanoTime;
    }

    public PhaseRecorder warmup() {
        return warmup;
    }

    public PhaseRecorder measured() {
        return measured;
    }
}
