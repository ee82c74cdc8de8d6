package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence.StressStep;
import dev.oktyv.results.load.StressLevel;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stress run's latency knee is: the first step, in increasing level order, past which the system no longer
 * absorbs more load. What "absorbs" means depends on the level kind (see {@link Reason}).
 *
 * @param knee     the first step past the knee
 * @param lastGood the step before it (the knee itself when even the lowest step is past it)
 * @param baseP99  the p99 of the lowest step, in nanoseconds
 * @param reason   the first criterion the knee step failed
 */
record StressKnee(StressStep knee, StressStep lastGood, double baseP99, Reason reason) {

    /** Latency at the knee over latency at the lowest step. */
    static final double P99_FACTOR = 3;
    /** Rate steps: the share of the offered rate that must be achieved. */
    static final double ACHIEVED_SHARE = 0.9;
    /**
     * Concurrency steps: the share of the linear-scaling throughput gain a step must deliver. Under the Universal
     * Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), contention (σ) and coherency (κ) make every step gain
     * less than linear long before saturation, so demanding near-linear gains (say 90% efficiency) would call
     * ordinary contention a knee, especially across the default coarse steps (10 → 50 workers). Past the
     * throughput peak the extra workers buy (almost) nothing: by Little's law, N = X·R, a flat X means every added
     * worker only adds queueing time. 10% of the proportional gain marks that plateau while leaving room for the
     * few percent of noise a short step's throughput has (a flat X does not measure exactly flat).
     */
    static final double MIN_SCALING_SHARE = 0.1;

    enum Reason {
        /** p99 grew beyond {@link #P99_FACTOR}× the lowest step's. */
        P99_GROWTH,
        /** Rate steps: the system completed less than {@link #ACHIEVED_SHARE} of the rate offered. */
        SHORT_OF_OFFERED,
        /** Concurrency steps: throughput gained less than {@link #MIN_SCALING_SHARE} of the linear gain. */
        SATURATED
    }

    StressKnee {
        Objects.requireNonNull(knee, "knee");
        Objects.requireNonNull(lastGood, "lastGood");
        Objects.requireNonNull(reason, "reason");
    }

    /** The steps by increasing level: the order the criteria read them in. */
    static List<StressStep> byLevel(List<StressStep> steps) {
        return steps.stream().sorted(Comparator.comparingDouble(s -> s.level().value())).toList();
    }

    /** The knee of {@code sorted} (by {@link #byLevel}), or empty when every step absorbed its load. */
    static Optional<StressKnee> find(List<StressStep> sorted) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        double baseP99 = sorted.get(0).p99Nanos();
        StressStep lastGood = sorted.get(0);
        for (StressStep s : sorted) {
            Optional<Reason> r = failed(s, lastGood, baseP99);
            if (r.isPresent()) {
                return Optional.of(new StressKnee(s, lastGood, baseP99, r.get()));
            }
            lastGood = s;
        }
        return Optional.empty();
    }

    private static Optional<Reason> failed(StressStep s, StressStep previous, double baseP99) {
        if (s.p99Nanos() > P99_FACTOR * baseP99) {
            return Optional.of(Reason.P99_GROWTH);
        }
        if (s.level().kind() == StressLevel.Kind.RATE) {
            return s.achievedRate() < ACHIEVED_SHARE * s.level().value() ? Optional.of(Reason.SHORT_OF_OFFERED) : Optional.empty();
        }
        return scalingShare(previous, s) < MIN_SCALING_SHARE ? Optional.of(Reason.SATURATED) : Optional.empty();
    }

    /**
     * The throughput {@code to} gained over {@code from}, as a share of the gain linear scaling would give:
     * 1 for linear, 0 for flat, negative when throughput fell. NaN when the levels are equal (nothing was added,
     * so nothing to judge) or a throughput is unknown; NaN fails no comparison, so it never makes a knee.
     */
    static double scalingShare(StressStep from, StressStep to) {
        double linearRatio = to.level().value() / from.level().value();
        if (linearRatio <= 1) {
            return Double.NaN;
        }
        return (to.achievedRate() / from.achievedRate() - 1) / (linearRatio - 1);
    }

    /** p99 at the knee over the lowest step's. */
    double p99Growth() {
        return knee.p99Nanos() / baseP99;
    }
}
