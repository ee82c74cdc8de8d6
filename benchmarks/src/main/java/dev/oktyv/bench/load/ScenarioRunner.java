package dev.oktyv.bench.load;

import dev.oktyv.bench.load.executor.LoadExecutor;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.bench.load.recording.IntervalSampler;
import dev.oktyv.bench.load.recording.JvmSampler;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.recording.RunRecorder;
import dev.oktyv.bench.load.recording.WarmupCycles;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.SelfDrivingScenario;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.bench.load.thresholds.ThresholdEvaluator;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LatencyStats;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one scenario under one load model into one directory ({@code summary.json} and {@code latency.hlog}):
 * prepares the target, drives the executor, samples intervals once a second, evaluates the thresholds.
 */
public final class ScenarioRunner {

    /** The summary plus the whole-run histograms it was computed from (tests and stress steps use them). */
    public record Result(LoadSummary summary, Histogram corrected, Histogram service) {
    }

    private static final long ORIGIN_LEAD_NANOS = 50_000_000L;

    private final Pacer pacer;
    private final Clock wallClock;
    private final ProgressLine progress;

    public ScenarioRunner(Pacer pacer, Clock wallClock, ProgressLine progress) {
        this.pacer = pacer;
        this.wallClock = wallClock;
        this.progress = progress;
    }

    /**
     * Told once when the measured phase begins (profiling starts its capture there). It must not throw: the load
     * result stands without it.
     */
    @FunctionalInterface
    public interface MeasuredPhaseListener {
        MeasuredPhaseListener NONE = () -> { };

        void measuredPhaseStarts();
    }

    public Result run(Scenario scenario, LoadModel model, List<Threshold> thresholds, Path directory) throws Exception {
        return run(scenario, model, thresholds, directory, MeasuredPhaseListener.NONE);
    }

    @SuppressWarnings("try") // Target.close() may throw InterruptedException; it is rethrown as is.
    public Result run(Scenario scenario, LoadModel model, List<Threshold> thresholds, Path directory,
                      MeasuredPhaseListener listener) throws Exception {
        // A closed model deriving its rate from the warm-up may still turn out to have none (too short a warm-up).
        boolean selfDriven = scenario instanceof SelfDrivingScenario sd && sd.drives(model);
        boolean correctedApplicable = model instanceof LoadModel.Open
                || ((LoadModel.Closed) model).intendedRatePerSecond().isPresent()
                || ((LoadModel.Closed) model).derivesRateFromWarmup() && !selfDriven;
        try (Scenario.Target target = scenario.open()) {
            boolean warmup = !model.warmup().isZero();
            if (!warmup) {
                // Before the origin is fixed: starting a profiler can take a second (first JFR start in a JVM), and
                // every start it delays would show up as coordinated-omission latency.
                listener.measuredPhaseStarts();
            }
            JvmSampler jvm = new JvmSampler();
            Instant startedAt = wallClock.instant();
            // Origin a little ahead so every worker thread is up before the first intended start. The log file and
            // threads are created first: on a loaded machine that alone can take longer than the lead.
            Path logDir = java.nio.file.Files.createDirectories(directory);
            long origin = pacer.nanoTime() + ORIGIN_LEAD_NANOS;
            RunRecorder recorder = new RunRecorder(origin + model.warmup().toNanos(), correctedApplicable);
            long originEpochMillis = wallClock.millis() + (origin - pacer.nanoTime()) / 1_000_000L;
            IntervalLog log = new IntervalLog(logDir, originEpochMillis, "oktyv-bench load " + scenario.id()
                    + " " + model.description());
            IntervalSampler sampler = new IntervalSampler(scenario.id(), recorder, log, progress, jvm, origin,
                    originEpochMillis);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "oktyv-load-sampler");
                t.setDaemon(true);
                return t;
            });
            long end;
            try {
                long firstTick = Math.max(0, origin + 1_000_000_000L - pacer.nanoTime());
                ticker.scheduleAtFixedRate(() -> sampler.tick(pacer.nanoTime()), firstTick, 1_000_000_000L,
                        TimeUnit.NANOSECONDS);
                if (warmup) {
                    // At the end of the warm-up, on a thread of its own so a slow start delays neither the sampler
                    // nor the load; warm-up samples stay out of the profile.
                    Thread starter = new Thread(listener::measuredPhaseStarts, "oktyv-load-measured-start");
                    starter.setDaemon(true);
                    ticker.schedule(starter::start, Math.max(0, origin + model.warmup().toNanos() - pacer.nanoTime()),
                            TimeUnit.NANOSECONDS);
                }
                end = selfDriven ? ((SelfDrivingScenario) scenario).drive(model, recorder, pacer, origin)
                        : new LoadExecutor(pacer).run(model, target, recorder, origin);
            } finally {
                ticker.shutdownNow();
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            }
            sampler.tick(end);
            sampler.close();
            LoadSummary summary = summarize(scenario.id(), model, startedAt, recorder, sampler, jvm.finish(),
                    Math.max(1, end - recorder.measuredStartNanoTime()), thresholds);
            AtomicFiles.writeString(new LoadFolder(directory).summary(), LoadSummaryJson.write(summary));
            return new Result(summary, sampler.totalCorrected(), sampler.totalService());
        }
    }

    static LoadSummary summarize(String id, LoadModel model, Instant startedAt, RunRecorder recorder,
                                 IntervalSampler sampler, LoadSummary.JvmStats jvm, long measuredNanos,
                                 List<Threshold> thresholds) {
        var measured = recorder.measured();
        long ok = measured.ok();
        long failed = measured.failed();
        long warmupOps = recorder.warmup().ok() + recorder.warmup().failed();
        double seconds = measuredNanos / 1e9;
        LoadSummary.Totals totals = new LoadSummary.Totals(ok + failed, ok, failed, measured.failuresByKind(), warmupOps);
        LoadSummary.Rates rates = rates(model, recorder, (ok + failed) / seconds);
        double achieved = rates.achievedPerSecond();
        Histogram service = sampler.totalService();
        Histogram corrected = sampler.totalCorrected();
        LatencyStats correctedStats = measured.correctedApplicable() ? stats(corrected)
                : LatencyStats.notApplicable(whyNoCorrected(model, recorder));
        LatencyStats serviceStats = stats(service);
        var observations = new ThresholdEvaluator.Observations(measured.correctedApplicable() ? corrected : service,
                measured.correctedApplicable(), totals.errorRate(), recorder.dropped(),
                ThresholdEvaluator.droppedRate(totals.total(), recorder.dropped(), !Double.isNaN(rates.targetPerSecond())),
                achieved);
        LoadSummary.ModelKind kind = model instanceof LoadModel.Open ? LoadSummary.ModelKind.OPEN
                : LoadSummary.ModelKind.CLOSED;
        return new LoadSummary(LoadSummary.FORMAT_VERSION, id,
                new LoadSummary.Model(kind, model.description(), model.workers(), model.maxInFlight()), startedAt,
                seconds, model.warmup().toNanos() / 1e9, totals, rates, correctedStats, serviceStats, jvm,
                ThresholdEvaluator.evaluate(thresholds, observations));
    }

    private static LoadSummary.Rates rates(LoadModel model, RunRecorder recorder, double achieved) {
        if (model instanceof LoadModel.Open o) {
            return new LoadSummary.Rates(o.schedule().measuredTargetPerSecond(), LoadSummary.Rates.CONFIGURED,
                    achieved, recorder.dropped());
        }
        LoadModel.Closed c = (LoadModel.Closed) model;
        if (c.intendedRatePerSecond().isPresent()) {
            return new LoadSummary.Rates(c.intendedRatePerSecond().getAsDouble(), LoadSummary.Rates.CONFIGURED,
                    achieved, recorder.dropped());
        }
        var period = recorder.warmupCycles().periodNanos();
        return period.isPresent()
                ? new LoadSummary.Rates(c.concurrency() * 1e9 / period.getAsDouble(),
                        LoadSummary.Rates.DERIVED_FROM_WARMUP, achieved, recorder.dropped())
                : new LoadSummary.Rates(Double.NaN, LoadSummary.Rates.NO_TARGET, achieved, recorder.dropped());
    }

    private static String whyNoCorrected(LoadModel model, RunRecorder recorder) {
        LoadModel.Closed c = (LoadModel.Closed) model;
        if (!c.derivesRateFromWarmup()) {
            return "closed model without an intended rate: there is no schedule to measure the delay against;"
                    + " give --warmup D (the rate sustained during the warm-up becomes the intended one) or --rate R";
        }
        if (!recorder.warmupCycles().decided()) {
            return "this target's event loop (closed model at maximum rate) keeps no per-worker schedule, so it does"
                    + " not derive a rate from the warm-up; give --rate R";
        }
        return "the warm-up completed " + recorder.warmupCycles().cycles() + " operations, fewer than "
                + WarmupCycles.MIN_CYCLES_PER_WORKER + " per worker (" + c.concurrency()
                + "), too few to derive the intended rate from; give a longer --warmup D or --rate R";
    }

    /** Percentiles of a nanosecond histogram, in microseconds. */
    public static LatencyStats stats(Histogram h) {
        if (h.getTotalCount() == 0) {
            return LatencyStats.notApplicable("no operation completed successfully in the measured window");
        }
        return new LatencyStats(h.getTotalCount(), h.getMinValue() / 1e3, h.getMean() / 1e3,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(95) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3, "");
    }
}
