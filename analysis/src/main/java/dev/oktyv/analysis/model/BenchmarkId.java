package dev.oktyv.analysis.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Identity of a benchmark result: method, mode and params. Two results with different params are
 * different benchmarks (Bencher's JMH adapter merges them, which hides regressions in one param value).
 */
public record BenchmarkId(String benchmark, Mode mode, SortedMap<String, String> params) implements Comparable<BenchmarkId> {

    public BenchmarkId {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        if (benchmark.isBlank()) {
            throw new IllegalArgumentException("benchmark name is blank");
        }
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static BenchmarkId of(String benchmark, Mode mode, Map<String, String> params) {
        return new BenchmarkId(benchmark, mode, new TreeMap<>(params));
    }

    /** {@code Class.method}: the last two segments of the fully qualified name. */
    public String shortName() {
        int last = benchmark.lastIndexOf('.');
        int prev = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
        return benchmark.substring(prev + 1);
    }

    public String methodName() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public String className() {
        int last = benchmark.lastIndexOf('.');
        return last < 0 ? "" : benchmark.substring(0, last);
    }

    /** Human label: {@code Class.method [a=1, b=x] (thrpt)}. */
    public String label() {
        return shortName() + paramsSuffix() + " (" + mode.shortName() + ")";
    }

    public String paramsSuffix() {
        return params.isEmpty() ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " [", "]"));
    }

    /**
     * The profile folder name fixed by the cross-team contract:
     * {@code <fully.qualified.Benchmark.method>[-<param>=<value>...]}, unsafe characters replaced by {@code _}.
     * Delegates to the profiler's own naming so the folder written and the folder looked up are the same.
     */
    public String workloadId() {
        return dev.oktyv.results.profile.ProfileArtifacts.benchmarkId(benchmark, params);
    }

    @Override
    public int compareTo(BenchmarkId o) {
        int c = benchmark.compareTo(o.benchmark);
        if (c != 0) {
            return c;
        }
        c = mode.compareTo(o.mode);
        return c != 0 ? c : ParamOrder.INSTANCE.compare(params, o.params);
    }
}
