package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.stats.RelativeChange;
import dev.oktyv.analysis.stats.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric of one benchmark on both sides.
 *
 * @param flameDiff path of the differential flame graph, relative to the candidate run folder, when one exists
 */
public record MetricComparison(BenchmarkId id, String metric, String unit, Direction direction,
                               double baselineScore, double baselineError, double candidateScore,
                               double candidateError, RelativeChange change, Verdict verdict, String why,
                               Optional<String> flameDiff) {

    public MetricComparison {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(flameDiff, "flameDiff");
    }
}
