package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.ConfidenceInterval;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.model.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Several runs of one side of a comparison as one: each benchmark's forks from every run, in the order the runs
 * were given. Forks are the samples of the comparison, so forks taken in interleaved rounds (A B A B …) spread the
 * machine's drift over both sides instead of letting it land on one.
 *
 * <p>The pooled score is the mean of every iteration and its error JMH's own (99.9% Student t half-width over the
 * iterations), recomputed rather than taken from any one run. A metric some run lacks (a secondary metric of a
 * profiler used in only some rounds) is left out of the pooled result rather than pooled from part of the rounds;
 * so is a benchmark missing from any run.
 */
public final class PooledRuns {

    private PooledRuns() {
    }

    /** One run stays as it is; several are pooled into a run named after the last of them. */
    public static Run pool(List<Run> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run to pool");
        }
        if (runs.size() == 1) {
            return runs.get(0);
        }
        Map<BenchmarkId, List<BenchmarkResult>> byId = new LinkedHashMap<>();
        for (Run r : runs) {
            for (BenchmarkResult b : r.results()) {
                byId.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(b);
            }
        }
        List<BenchmarkResult> pooled = new ArrayList<>();
        for (Map.Entry<BenchmarkId, List<BenchmarkResult>> e : byId.entrySet()) {
            if (e.getValue().size() == runs.size()) {
                pooled.add(poolResults(e.getValue()));
            }
        }
        Run last = runs.get(runs.size() - 1);
        return new Run(last.folder(), last.metadata(), pooled);
    }

    /** Benchmarks some of the runs lack: they are not compared, and the caller says so. */
    public static List<BenchmarkId> incomplete(List<Run> runs) {
        Map<BenchmarkId, Integer> seen = new TreeMap<>();
        runs.forEach(r -> r.results().forEach(b -> seen.merge(b.id(), 1, Integer::sum)));
        return seen.entrySet().stream().filter(e -> e.getValue() < runs.size()).map(Map.Entry::getKey).toList();
    }

    private static BenchmarkResult poolResults(List<BenchmarkResult> results) {
        BenchmarkResult first = results.get(0);
        Map<String, Metric> secondary = new TreeMap<>();
        for (String name : first.secondary().keySet()) {
            List<Metric> all = results.stream().map(r -> r.secondary().get(name)).toList();
            if (all.stream().allMatch(m -> m != null)) {
                secondary.put(name, poolMetrics(all));
            }
        }
        int forks = results.stream().mapToInt(BenchmarkResult::forkCount).sum();
        return new BenchmarkResult(first.id(), first.threads(), forks, first.warmupIterations(),
                first.measurementIterations(), first.jmhVersion(), first.jdkVersion(),
                poolMetrics(results.stream().map(BenchmarkResult::primary).toList()), new TreeMap<>(secondary));
    }

    static Metric poolMetrics(List<Metric> metrics) {
        Metric first = metrics.get(0);
        List<List<Double>> forks = new ArrayList<>();
        metrics.forEach(m -> forks.addAll(m.forks()));
        double[] all = forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        if (all.length == 0) {
            // No raw data (-Djmh.json.rawData=false): nothing to pool, and no forks to test with either.
            return new Metric(first.name(), first.unit(), first.direction(), Double.NaN, Double.NaN,
                    ConfidenceInterval.UNKNOWN, forks);
        }
        double mean = 0;
        for (double v : all) {
            mean += v;
        }
        mean /= all.length;
        double error = Double.NaN;
        ConfidenceInterval ci = ConfidenceInterval.UNKNOWN;
        if (all.length > 1) {
            double ss = 0;
            for (double v : all) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (all.length - 1));
            error = new TDistribution(all.length - 1).inverseCumulativeProbability(1 - 0.001 / 2) * sd
                    / Math.sqrt(all.length);
            ci = new ConfidenceInterval(mean - error, mean + error);
        }
        return new Metric(first.name(), first.unit(), first.direction(), mean, error, ci, forks);
    }
}
