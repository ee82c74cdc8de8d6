package dev.oktyv.analysis.model;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JMH result entry.
 *
 * @param secondary secondary metrics by name, without JMH's old {@code ·} prefix (JMH 1.37 dropped it, older
 *                  versions wrote {@code ·gc.alloc.rate.norm}; both are read as {@code gc.alloc.rate.norm})
 */
public record BenchmarkResult(BenchmarkId id, int threads, int forkCount, int warmupIterations,
                              int measurementIterations, String jmhVersion, String jdkVersion,
                              Metric primary, SortedMap<String, Metric> secondary) {

    public BenchmarkResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(primary, "primary");
        secondary = Collections.unmodifiableSortedMap(new TreeMap<>(secondary));
    }

    public Optional<Metric> secondary(String name) {
        return Optional.ofNullable(secondary.get(name));
    }

    public Optional<Metric> allocNorm() {
        return secondary(Metric.ALLOC_NORM);
    }
}
