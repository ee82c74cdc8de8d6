package dev.oktyv.results.readiness;

import java.util.List;
import java.util.Objects;

/**
 * What the performance phase ran and found beyond its latency criterion: the JMH run, the benchmarks it profiled,
 * the paired optimisation variants' measured gains and the top bottleneck recommendations. Paths are relative to
 * the readiness run folder, so the report links them and the folder can be moved.
 *
 * @param plan            how JMH ran, e.g. {@code --quick preset, -f 2 -w 500ms -r 500ms, sample time}
 * @param jmhJson         the run's {@code jmh.json}, relative
 * @param benchmarksRun   parameter combinations with a result
 * @param failed          benchmarks that failed (their combinations have no result)
 * @param slowest         the slowest operations by mean, slowest first
 * @param profiled        the benchmarks profiled after the measurement, and why
 * @param gains           every paired variant's measured gain
 * @param recommendations the top findings of {@code analyze}'s rules, most severe first
 */
public record PerformanceEvidence(String plan, String jmhJson, int benchmarksRun, List<String> failed,
                                  List<OperationTime> slowest, List<Profiled> profiled, List<Gain> gains,
                                  List<Recommendation> recommendations) {

    public PerformanceEvidence {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(jmhJson, "jmhJson");
        failed = List.copyOf(failed);
        slowest = List.copyOf(slowest);
        profiled = List.copyOf(profiled);
        gains = List.copyOf(gains);
        recommendations = List.copyOf(recommendations);
        if (benchmarksRun < 0) {
            throw new IllegalArgumentException("benchmarksRun must be >= 0, was " + benchmarksRun);
        }
    }

    /** One benchmark's per-operation time (JMH sample time), in milliseconds; NaN when not measured. */
    public record OperationTime(String benchmark, double averageMillis, double p95Millis) {
        public OperationTime {
            Objects.requireNonNull(benchmark, "benchmark");
        }
    }

    /**
     * @param reason      why this one was chosen (e.g. {@code 2nd slowest by mean})
     * @param engine      what sampled it: async-profiler's cpu engine ({@code perf}, {@code ctimer}, {@code itimer}),
     *                    {@code jfr}, or {@code none} when nothing was captured
     * @param flameGraphs the flame-graph HTML files, relative
     */
    public record Profiled(String benchmark, String reason, String engine, List<String> flameGraphs) {
        public Profiled {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(engine, "engine");
            flameGraphs = List.copyOf(flameGraphs);
        }
    }

    /**
     * A speed-up factor (> 1 is faster) of an optimised variant over its baseline, with its interval; NaN ends when
     * the forks cannot give one.
     *
     * @param kind    the optimisation, e.g. {@code connection pooling}
     * @param outcome {@code gain-shown}, {@code no-gain}, {@code undecided} or {@code untestable}
     */
    public record Gain(String kind, String label, double speedup, double low, double high, String outcome) {
        public Gain {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * One rule's finding.
     *
     * @param evidence one line per number ({@code subject: quantity = value unit})
     * @param links    the files behind it (flame graphs first), relative
     */
    public record Recommendation(String rule, String title, String severity, String summary, String fix,
                                 List<String> evidence, List<String> links) {
        public Recommendation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(fix, "fix");
            evidence = List.copyOf(evidence);
            links = List.copyOf(links);
        }
    }
}
