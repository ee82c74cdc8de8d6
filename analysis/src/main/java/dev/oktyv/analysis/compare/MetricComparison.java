package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.stats.DetectableEffect;
import dev.oktyv.analysis.stats.RelativeChange;
import dev.oktyv.analysis.stats.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric of one benchmark on both sides.
 *
 * @param detectable what this comparison could have seen (minimum detectable effect, forks for the threshold)
 * @param flameDiff path of the differential flame graph, relative to the candidate run folder, when one exists
 */
public record MetricComparison(BenchmarkId id, String metric, String unit, Direction direction,
                               double baselineScore, double baselineError, double candidateScore,
                               double candidateError, RelativeChange change, Verdict verdict, String why,
                               DetectableEffect detectable, Optional<String> flameDiff) {

    public MetricComparison {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detectable, "detectable");
        Objects.requireNonNull(flameDiff, "flameDiff");
    }

    /**
     * The change to show: the tested estimate when there is one, else the plain ratio of the two scores (one fork
     * per side cannot be tested, but a user must still see that the score moved by −20%); NaN only when a score
     * is not positive or the units differ.
     */
    public double observedChange() {
        if (change.estimable()) {
            return change.estimate();
        }
        boolean comparable = baselineScore > 0 && candidateScore > 0 && !change.reason().startsWith(UNITS_DIFFER);
        return comparable ? candidateScore / baselineScore - 1 : Double.NaN;
    }

    /** Whether no test was possible (too few forks, non-positive means, different units). */
    public boolean untestable() {
        return !change.estimable() && verdict == Verdict.INCONCLUSIVE;
    }

    /** Start of the reason for rows whose two sides have different units. */
    static final String UNITS_DIFFER = "units differ";
}
