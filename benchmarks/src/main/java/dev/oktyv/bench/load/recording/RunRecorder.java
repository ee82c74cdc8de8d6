package dev.oktyv.bench.load.recording;

import dev.oktyv.bench.load.executor.Outcome;
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
