package dev.oktyv.bench.load.merge;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.bench.load.thresholds.ThresholdEvaluator;
import dev.oktyv.results.load.FailureCount;
import dev.oktyv.results.load.FailureKind;
import dev.oktyv.results.load.LatencyStats;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.ThresholdOutcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Merges one scenario's runs from N load agents into the figures of the whole population. Interval histograms are
 * ADDED (HdrHistogram addition, exact: the merged counts are the sum of the agents' counts value by value), per tag,
 * aligned by the wall-clock second their interval starts in; the merged percentiles are then those of the whole
 * population, never an average of per-agent percentiles. The logs are streamed ({@link SecondMerger}): memory does not
 * grow with the length of the run.
 */
public final class LoadMerger {

    private LoadMerger() {
    }

    /**
     * One merged scenario.
     *
     * @param seconds the merged log's intervals per tag (wall-clock seconds)
     * @param peakHistogramsHeld the most histograms the merge held at once: about agents + 2 x tags, whatever the
     *                           length of the run
     */
    public record Merged(LoadSummary summary, long seconds, int peakHistogramsHeld) {
    }

    /** Checks that {@code agents} ran the same scenario with the same model kind and log tags; else names the folder. */
    public static void check(List<AgentRun> agents) {
        if (agents.isEmpty()) {
            throw new MergeInputException("no agent run to merge");
        }
        AgentRun first = agents.get(0);
        for (AgentRun a : agents) {
            check(first, a);
        }
    }

    /**
     * Merges {@code agents} (in the order given, which becomes the agents' order in the summary), handing each merged
     * second to {@code sink} as it completes.
     */
    static Merged merge(List<AgentRun> agents, SecondMerger.Sink sink) throws IOException {
        check(agents);
        SecondMerger.Result r = SecondMerger.merge(agents, sink);
        return new Merged(summary(agents, r.totals()), r.seconds(), r.peakHistogramsHeld());
    }

    private static void check(AgentRun first, AgentRun a) {
        LoadSummary f = first.summary();
        LoadSummary s = a.summary();
        if (!s.scenarioId().equals(f.scenarioId())) {
            throw new MergeInputException(a.folder().path() + ": scenario '" + s.scenarioId() + "', but "
                    + first.folder().path() + " ran '" + f.scenarioId() + "'");
        }
        if (s.model().kind() != f.model().kind()) {
            throw new MergeInputException(a.folder().path() + ": " + s.model().kind().wireName() + " model, but "
                    + first.folder().path() + " ran a " + f.model().kind().wireName() + " one");
        }
        if (!a.tags().equals(first.tags())) {
            throw new MergeInputException(a.folder().path() + ": latency log tags " + a.tags() + ", but "
                    + first.folder().path() + " has " + first.tags());
        }
        Set<String> known = Set.of(IntervalLog.CORRECTED, IntervalLog.SERVICE);
        if (!known.containsAll(a.tags())) {
            throw new MergeInputException(a.folder().path() + ": latency log tags " + a.tags() + ", expected "
                    + IntervalLog.CORRECTED + " and " + IntervalLog.SERVICE);
        }
    }

    private static LoadSummary summary(List<AgentRun> agents, Map<String, Histogram> totals) {
        LoadSummary first = agents.get(0).summary();
        long total = 0;
        long ok = 0;
        long failed = 0;
        long warmupOps = 0;
        long dropped = 0;
        double achieved = 0;
        double target = 0;
        double measured = 0;
        double warmup = 0;
        int workers = 0;
        int maxInFlight = 0;
        Instant startedAt = first.startedAt();
        Map<FailureKey, Long> failures = new LinkedHashMap<>();
        Set<String> descriptions = new LinkedHashSet<>();
        Set<String> expressions = new LinkedHashSet<>();
        Set<LoadSummary.TargetSource> sources = new LinkedHashSet<>();
        List<LoadSummary.Agent> agentRows = new ArrayList<>();
        long heapBefore = 0;
        long heapAfter = 0;
        long heapPeak = 0;
        long gcCount = 0;
        long gcMillis = 0;
        long cpu = 0;
        for (AgentRun a : agents) {
            LoadSummary s = a.summary();
            total += s.totals().total();
            ok += s.totals().ok();
            failed += s.totals().failed();
            warmupOps += s.totals().warmupOperations();
            for (FailureCount fc : s.totals().failedByKind()) {
                failures.merge(new FailureKey(fc.kind(), fc.detail()), fc.count(), Long::sum);
            }
            dropped += s.rates().dropped();
            achieved += s.rates().achievedPerSecond();
            target += s.rates().targetPerSecond();
            sources.add(s.rates().targetSource());
            measured = Math.max(measured, s.measuredSeconds());
            warmup = Math.max(warmup, s.warmupSeconds());
            workers += s.model().workers();
            maxInFlight += s.model().maxInFlight();
            startedAt = s.startedAt().isBefore(startedAt) ? s.startedAt() : startedAt;
            descriptions.add(s.model().description());
            s.thresholds().forEach(t -> expressions.add(t.expression()));
            agentRows.add(new LoadSummary.Agent(a.run(), s.totals().total(), s.rates().targetPerSecond(),
                    s.rates().achievedPerSecond(), s.rates().dropped()));
            // Per-process figures: heap is the largest agent's, GC and CPU add up over the agents' JVMs.
            heapBefore = Math.max(heapBefore, s.jvm().heapUsedBeforeBytes());
            heapAfter = Math.max(heapAfter, s.jvm().heapUsedAfterBytes());
            heapPeak = Math.max(heapPeak, s.jvm().heapUsedPeakBytes());
            gcCount += s.jvm().gcCount();
            gcMillis += s.jvm().gcTimeMillis();
            cpu += s.jvm().processCpuTimeNanos();
        }
        List<FailureCount> byKind = new ArrayList<>();
        failures.forEach((k, n) -> byKind.add(new FailureCount(k.kind(), k.detail(), n)));
        LoadSummary.Totals totalsRow = new LoadSummary.Totals(total, ok, failed, byKind, warmupOps);
        // A target exists only when every agent had one, all of the same kind; a sum over some agents would lie.
        LoadSummary.Rates rates = Double.isNaN(target) || sources.size() != 1
                ? new LoadSummary.Rates(Double.NaN, LoadSummary.Rates.NO_TARGET, achieved, dropped)
                : new LoadSummary.Rates(target, sources.iterator().next(), achieved, dropped);
        Histogram corrected = totals.get(IntervalLog.CORRECTED);
        Histogram service = totals.getOrDefault(IntervalLog.SERVICE, new Histogram(3));
        LatencyStats correctedStats = corrected == null ? LatencyStats.notApplicable(first.corrected()
                .notApplicableReason()) : ScenarioRunner.stats(corrected);
        boolean correctedApplicable = corrected != null;
        List<Threshold> criteria = new ArrayList<>();
        for (String e : expressions) {
            criteria.add(Threshold.parse(e));
        }
        List<ThresholdOutcome> outcomes = ThresholdEvaluator.evaluate(criteria, new ThresholdEvaluator.Observations(
                correctedApplicable ? corrected : service, correctedApplicable, totalsRow.errorRate(), dropped,
                // Every agent had an intended rate (the sum of targets is not NaN): the merged run had one.
                ThresholdEvaluator.droppedRate(total, dropped, !Double.isNaN(target)), achieved));
        LoadSummary.Model model = new LoadSummary.Model(first.model().kind(), agents.size() + " agents: "
                + String.join("; ", descriptions), workers, maxInFlight);
        return new LoadSummary(LoadSummary.FORMAT_VERSION, first.scenarioId(), model, startedAt, measured, warmup,
                totalsRow, rates, correctedStats, ScenarioRunner.stats(service),
                new LoadSummary.JvmStats(heapBefore, heapAfter, heapPeak, gcCount, gcMillis, cpu), outcomes,
                agentRows);
    }

    private record FailureKey(FailureKind kind, String detail) {
    }
}
