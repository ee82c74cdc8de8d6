package dev.oktyv.analysis.model;

import java.util.List;
import java.util.Objects;

/**
 * One measured quantity of a benchmark (the primary score or a secondary metric such as
 * {@code gc.alloc.rate.norm}).
 *
 * @param forks per-fork measurement iterations, in fork order; empty when JMH was told not to write raw
 *              data ({@code -Djmh.json.rawData=false}). Sample-mode histograms are reduced to one mean per
 *              iteration, weighted by the sample counts.
 */
public record Metric(String name, String unit, Direction direction, double score, double error,
                     ConfidenceInterval confidence, List<List<Double>> forks) {

    public static final String PRIMARY = "primary";
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(confidence, "confidence");
        forks = forks.stream().map(List::copyOf).toList();
    }

    public static Metric of(String name, String unit, double score, double error, ConfidenceInterval ci,
                            List<List<Double>> forks) {
        return new Metric(name, unit, Direction.fromUnit(unit), score, error, ci, forks);
    }

    /** The mean of each fork's iterations: the independent samples of the statistics. */
    public double[] forkMeans() {
        return forks.stream().filter(f -> !f.isEmpty())
                .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))
                .toArray();
    }

    public int iterationCount() {
        return forks.stream().mapToInt(List::size).sum();
    }
}
