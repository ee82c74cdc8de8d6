package dev.oktyv.analysis.history;

import dev.oktyv.analysis.model.BenchmarkId;
import java.util.List;

/** The series of one benchmark across runs, oldest first, with its detected level shifts. */
public record BenchmarkHistory(BenchmarkId id, String unit, List<HistoryPoint> points, List<ChangePoint> shifts) {

    public BenchmarkHistory {
        points = List.copyOf(points);
        shifts = List.copyOf(shifts);
    }

    public double[] scores() {
        return points.stream().mapToDouble(HistoryPoint::score).toArray();
    }
}
