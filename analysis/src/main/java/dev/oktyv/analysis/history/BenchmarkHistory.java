package dev.oktyv.analysis.history;

import dev.oktyv.analysis.model.BenchmarkId;
import java.util.List;

/**
 * The series of one benchmark across runs, oldest first, with its detected level shifts and the test of its
 * newest run against the runs before it.
 */
public record BenchmarkHistory(BenchmarkId id, String unit, List<HistoryPoint> points, List<ChangePoint> shifts,
                               NewestRunCheck newest) {

    public BenchmarkHistory {
        java.util.Objects.requireNonNull(newest, "newest");
        points = List.copyOf(points);
        shifts = List.copyOf(shifts);
    }

    public double[] scores() {
        return points.stream().mapToDouble(HistoryPoint::score).toArray();
    }
}
