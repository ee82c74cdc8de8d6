package dev.oktyv.bench.load.recording;

import java.io.IOException;
import org.HdrHistogram.Histogram;

/**
 * Takes the interval histograms of a run once per tick: writes the measured ones to the {@link IntervalLog},
 * adds them to the whole-run histograms, prints the progress line and samples the heap. The whole-run histograms
 * are therefore exactly the sum of the logged intervals.
 */
public final class IntervalSampler {

    private final String scenario;
    private final RunRecorder recorder;
    private final IntervalLog log;
    private final ProgressLine progress;
    private final JvmSampler jvm;
    private final long originNanoTime;
    private final long originEpochMillis;
    private final Histogram totalCorrected = new Histogram(3);
    private final Histogram totalService = new Histogram(3);
    private Histogram recycleCorrected;
    private Histogram recycleService;
    private Histogram recycleWarmupC;
    private Histogram recycleWarmupS;
    private long lastTickNanoTime;
    private long lastFailed;
    private long lastWarmupFailed;

    public IntervalSampler(String scenario, RunRecorder recorder, IntervalLog log, ProgressLine progress,
                           JvmSampler jvm, long originNanoTime, long originEpochMillis) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.log = log;
        this.progress = progress;
        this.jvm = jvm;
        this.originNanoTime = originNanoTime;
        this.originEpochMillis = originEpochMillis;
        this.lastTickNanoTime = originNanoTime;
    }

    /** Closes the interval that ends at {@code nowNanoTime}. Called by one thread only. */
    public synchronized void tick(long nowNanoTime) {
        jvm.sample();
        long startMs = originEpochMillis + (lastTickNanoTime - originNanoTime) / 1_000_000;
        long endMs = originEpochMillis + (nowNanoTime - originNanoTime) / 1_000_000;
        double seconds = Math.max(1e-9, (nowNanoTime - lastTickNanoTime) / 1e9);
        double elapsed = (nowNanoTime - originNanoTime) / 1e9;
        PhaseRecorder measured = recorder.measured();
        Histogram c = measured.correctedInterval(recycleCorrected);
        Histogram s = measured.serviceInterval(recycleService);
        Histogram wc = recorder.warmup().correctedInterval(recycleWarmupC);
        Histogram ws = recorder.warmup().serviceInterval(recycleWarmupS);
        // Intervals that end before the measured window are pure warm-up: shown live, never logged.
        boolean loggable = nowNanoTime > recorder.measuredStartNanoTime() || c.getTotalCount() > 0
                || s.getTotalCount() > 0;
        boolean inWarmup = lastTickNanoTime < recorder.measuredStartNanoTime();
        if (loggable) {
            c.setStartTimeStamp(startMs);
            c.setEndTimeStamp(endMs);
            s.setStartTimeStamp(startMs);
            s.setEndTimeStamp(endMs);
            if (measured.correctedApplicable()) {
                log.write(IntervalLog.CORRECTED, c);
            }
            log.write(IntervalLog.SERVICE, s);
            totalCorrected.add(c);
            totalService.add(s);
        }
        long failed = measured.failed();
        long warmupFailed = recorder.warmup().failed();
        Histogram shownLatency = measured.correctedApplicable() ? c : s;
        Histogram shownWarmup = measured.correctedApplicable() ? wc : ws;
        if (shownLatency.getTotalCount() == 0 && shownWarmup.getTotalCount() > 0) {
            shownLatency = shownWarmup;
        }
        long completed = s.getTotalCount() + ws.getTotalCount() + (failed - lastFailed) + (warmupFailed - lastWarmupFailed);
        progress.print(scenario, inWarmup, elapsed, completed / seconds, percentile(shownLatency, 50),
                percentile(shownLatency, 99), failed - lastFailed + warmupFailed - lastWarmupFailed, recorder.dropped());
        lastFailed = failed;
        lastWarmupFailed = warmupFailed;
        recycleCorrected = c;
        recycleService = s;
        recycleWarmupC = wc;
        recycleWarmupS = ws;
        lastTickNanoTime = nowNanoTime;
    }

    private static double percentile(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p);
    }

    public synchronized Histogram totalCorrected() {
        return totalCorrected.copy();
    }

    public synchronized Histogram totalService() {
        return totalService.copy();
    }

    public void close() throws IOException {
        log.close();
    }
}
