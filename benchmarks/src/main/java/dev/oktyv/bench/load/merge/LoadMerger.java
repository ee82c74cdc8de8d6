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

    /** The whole population's summary: each part below is merged on its own, by the rule that part needs. */
    private static LoadSummary summary(List<AgentRun> agents, Map<String, Histogram> totals) {
        List<LoadSummary> runs = agents.stream().map(AgentRun::summary).toList();
        LoadSummary first = runs.get(0);
        LoadSummary.Totals totalsRow = totals(runs);
        LoadSummary.Rates rates = rates(runs);
        Histogram corrected = totals.get(IntervalLog.CORRECTED);
        Histogram service = totals.getOrDefault(IntervalLog.SERVICE, new Histogram(3));
        LatencyStats correctedStats = corrected == null ? LatencyStats.notApplicable(first.corrected()
                .notApplicableReason()) : ScenarioRunner.stats(corrected);
        List<ThresholdOutcome> outcomes = thresholds(runs, corrected, service, totalsRow, rates);
        return new LoadSummary(LoadSummary.FORMAT_VERSION, first.scenarioId(), model(runs), startedAt(runs),
                runs.stream().mapToDouble(LoadSummary::measuredSeconds).reduce(0, Math::max),
                runs.stream().mapToDouble(LoadSummary::warmupSeconds).reduce(0, Math::max),
                totalsRow, rates, correctedStats, ScenarioRunner.stats(service), jvm(runs), outcomes,
                agentRows(agents));
    }

    /** Operations add up; failures add up per kind and detail, in the order they are first seen. */
    private static LoadSummary.Totals totals(List<LoadSummary> runs) {
        long total = 0;
        long ok = 0;
        long failed = 0;
        long warmupOps = 0;
        Map<FailureKey, Long> failures = new LinkedHashMap<>();
        for (LoadSummary s : runs) {
            total += s.totals().total();
            ok += s.totals().ok();
            failed += s.totals().failed();
            warmupOps += s.totals().warmupOperations();
            for (FailureCount fc : s.totals().failedByKind()) {
                failures.merge(new FailureKey(fc.kind(), fc.detail()), fc.count(), Long::sum);
            }
        }
        List<FailureCount> byKind = new ArrayList<>();
        failures.forEach((k, n) -> byKind.add(new FailureCount(k.kind(), k.detail(), n)));
        return new LoadSummary.Totals(total, ok, failed, byKind, warmupOps);
    }

    /** Rates add up over the agents; the target only when every agent had one, all of the same kind. */
    private static LoadSummary.Rates rates(List<LoadSummary> runs) {
        long dropped = 0;
        double achieved = 0;
        double target = 0;
        Set<LoadSummary.TargetSource> sources = new LinkedHashSet<>();
        for (LoadSummary s : runs) {
            dropped += s.rates().dropped();
            achieved += s.rates().achievedPerSecond();
            target += s.rates().targetPerSecond();
            sources.add(s.rates().targetSource());
        }
        // A sum over some agents would lie (NaN from an agent without a target propagates into the sum).
        return Double.isNaN(target) || sources.size() != 1
                ? new LoadSummary.Rates(Double.NaN, LoadSummary.Rates.NO_TARGET, achieved, dropped)
                : new LoadSummary.Rates(target, sources.iterator().next(), achieved, dropped);
    }

    /** The agents' criteria (each expression once), judged on the merged population, corrected when it exists. */
    private static List<ThresholdOutcome> thresholds(List<LoadSummary> runs, Histogram corrected, Histogram service,
                                                     LoadSummary.Totals totals, LoadSummary.Rates rates) {
        Set<String> expressions = new LinkedHashSet<>();
        runs.forEach(s -> s.thresholds().forEach(t -> expressions.add(t.expression())));
        List<Threshold> criteria = new ArrayList<>();
        for (String e : expressions) {
            criteria.add(Threshold.parse(e));
        }
        boolean correctedApplicable = corrected != null;
        return ThresholdEvaluator.evaluate(criteria, new ThresholdEvaluator.Observations(
                correctedApplicable ? corrected : service, correctedApplicable, totals.errorRate(), rates.dropped(),
                // Every agent had an intended rate (the merged target is not NaN): the merged run had one.
                ThresholdEvaluator.droppedRate(totals.total(), rates.dropped(), !Double.isNaN(rates.targetPerSecond())),
                rates.achievedPerSecond()));
    }

    /** One model: the first agent's kind, the agents' distinct descriptions, workers and in-flight limits added. */
    private static LoadSummary.Model model(List<LoadSummary> runs) {
        Set<String> descriptions = new LinkedHashSet<>();
        int workers = 0;
        int maxInFlight = 0;
        for (LoadSummary s : runs) {
            descriptions.add(s.model().description());
            workers += s.model().workers();
            maxInFlight += s.model().maxInFlight();
        }
        return new LoadSummary.Model(runs.get(0).model().kind(), runs.size() + " agents: "
                + String.join("; ", descriptions), workers, maxInFlight);
    }

    /** The earliest agent's start. */
    private static Instant startedAt(List<LoadSummary> runs) {
        Instant startedAt = runs.get(0).startedAt();
        for (LoadSummary s : runs) {
            startedAt = s.startedAt().isBefore(startedAt) ? s.startedAt() : startedAt;
        }
        return startedAt;
    }

    /** Per-process figures: heap is the largest agent's, GC and CPU add up over the agents' JVMs. */
    private static LoadSummary.JvmStats jvm(List<LoadSummary> runs) {
        long heapBefore = 0;
        long heapAfter = 0;
        long heapPeak = 0;
        long gcCount = 0;
        long gcMillis = 0;
        long cpu = 0;
        for (LoadSummary s : runs) {
            heapBefore = Math.max(heapBefore, s.jvm().heapUsedBeforeBytes());
            heapAfter = Math.max(heapAfter, s.jvm().heapUsedAfterBytes());
            heapPeak = Math.max(heapPeak, s.jvm().heapUsedPeakBytes());
            gcCount += s.jvm().gcCount();
            gcMillis += s.jvm().gcTimeMillis();
            cpu += s.jvm().processCpuTimeNanos();
        }
        return new LoadSummary.JvmStats(heapBefore, heapAfter, heapPeak, gcCount, gcMillis, cpu);
    }

    /** One row per agent, in the order given. */
    private static List<LoadSummary.Agent> agentRows(List<AgentRun> agents) {
        List<LoadSummary.Agent> rows = new ArrayList<>();
        for (AgentRun a : agents) {
            LoadSummary s = a.summary();
            rows.add(new LoadSummary.Agent(a.run(), s.totals().total(), s.rates().targetPerSecond(),
                    s.rates().achievedPerSecond(), s.rates().dropped()));
        }
        return rows;
    }

    private record FailureKey(FailureKind kind, String detail) {
    }
}
