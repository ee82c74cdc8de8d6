package dev.oktyv.bench.load.recording;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.results.load.FailureCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies and outcome counts of one phase (warm-up or measured). Latencies of successful operations go to two
 * HdrHistogram {@link Recorder}s in nanoseconds: corrected (end minus intended start) and service (end minus actual
 * start). Recorders are lock-free for writers and hand out interval histograms, so memory stays constant whatever
 * the duration: no per-request sample is kept. Failures are counted by kind; their latency is not recorded, so a
 * burst of instant connection refusals cannot make the percentiles look better.
 */
public final class PhaseRecorder {

    // Volatile: a closed model deriving its rate from the warm-up learns only at the warm-up's end that it has none.
    private volatile boolean correctedApplicable;
    // Auto-resizing histograms with 3 significant digits: no fixed highest value to exceed, ~0.1% precision.
    private final Recorder corrected = new Recorder(3);
    private final Recorder service = new Recorder(3);
    private final LongAdder ok = new LongAdder();
    private final Map<Outcome, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder failedTotal = new LongAdder();

    public PhaseRecorder(boolean correctedApplicable) {
        this.correctedApplicable = correctedApplicable;
    }

    public boolean correctedApplicable() {
        return correctedApplicable;
    }

    void correctedNotApplicable() {
        correctedApplicable = false;
    }

    public void record(long intendedNanos, long startNanos, long endNanos, Outcome outcome) {
        if (outcome.ok()) {
            ok.increment();
            service.recordValue(Math.max(0, endNanos - startNanos));
            if (correctedApplicable) {
                corrected.recordValue(Math.max(0, endNanos - intendedNanos));
            }
        } else {
            // The set of distinct failures is small (exception classes, status classes), so the map stays bounded.
            failures.computeIfAbsent(outcome, o -> new LongAdder()).increment();
            failedTotal.increment();
        }
    }

    public Histogram correctedInterval(Histogram recycle) {
        return corrected.getIntervalHistogram(recycle);
    }

    public Histogram serviceInterval(Histogram recycle) {
        return service.getIntervalHistogram(recycle);
    }

    public long ok() {
        return ok.sum();
    }

    public long failed() {
        return failedTotal.sum();
    }

    public List<FailureCount> failuresByKind() {
        List<FailureCount> out = new ArrayList<>();
        failures.forEach((o, n) -> out.add(new FailureCount(o.failure(), o.detail(), n.sum())));
        out.sort(Comparator.comparingLong(FailureCount::count).reversed()
                .thenComparing(f -> f.kind().wireName()).thenComparing(FailureCount::detail));
        return out;
    }
}
