package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.stats.ForkWelchTest;
import dev.oktyv.analysis.stats.RelativeChange;
import java.util.Locale;

/**
 * The gain of one optimised variant over its baseline in the same run, as a speed-up factor (> 1 is better,
 * whatever the unit's direction) with its confidence interval from the fork means.
 *
 * @param speedup  optimised over baseline for throughput, baseline over optimised for time per operation
 * @param low      lower end of the interval; NaN when the forks cannot give one (then {@code reason} says why)
 * @param high     upper end of the interval; NaN likewise
 * @param outcome  what the test showed: a gain, no gain (the interval excludes one), undecided or untestable
 */
record MeasuredGain(OptimisationKind kind, String label, Direction direction, double speedup, double low, double high,
                    double pValue, PairOutcome outcome, String reason) {

    static MeasuredGain of(VariantPairs.Pair p, double alpha) {
        Direction d = p.optimised().primary().direction();
        RelativeChange c = ForkWelchTest.compare(p.baseline().primary().forkMeans(), p.optimised().primary().forkMeans(), alpha);
        double scoreRatio = p.optimised().primary().score() / p.baseline().primary().score();
        boolean higher = d == Direction.HIGHER_IS_BETTER;
        double speedup;
        double low = Double.NaN;
        double high = Double.NaN;
        if (c.estimable()) {
            double ratio = 1 + c.estimate();
            speedup = higher ? ratio : 1 / ratio;
            low = higher ? 1 + c.lower() : 1 / (1 + c.upper());
            high = higher ? 1 + c.upper() : 1 / (1 + c.lower());
        } else {
            speedup = higher ? scoreRatio : 1 / scoreRatio;
        }
        String label = p.optimised().id().label() + " vs " + p.baseline().id().label();
        return new MeasuredGain(kindOf(p), label, d, speedup, low, high, c.pValue(), PairOutcome.of(c, d, alpha),
                c.estimable() ? "" : c.reason());
    }

    /** The interval lies entirely on the side of a gain at the rule's significance level. */
    boolean measuredBetter() {
        return outcome == PairOutcome.GAIN_SHOWN;
    }

    private static OptimisationKind kindOf(VariantPairs.Pair p) {
        String variant = p.optimised().id().params().get(VariantPairs.VARIANT_PARAM);
        if (variant != null) {
            return OptimisationKind.of(variant);
        }
        String method = p.optimised().id().methodName();
        for (String suffix : VariantPairs.OPTIMISED) {
            if (method.endsWith(suffix)) {
                return OptimisationKind.of(suffix);
            }
        }
        return OptimisationKind.OTHER;
    }

    /** e.g. {@code 6.30× throughput [5.10×, 7.70×]}; the interval is omitted, with the reason, when unknown. */
    String ratioText() {
        String what = direction == Direction.HIGHER_IS_BETTER ? "throughput" : "speed (time per operation)";
        if (Double.isNaN(low)) {
            return String.format(Locale.ROOT, "%.2f× %s (no interval: %s)", speedup, what, reason);
        }
        return String.format(Locale.ROOT, "%.2f× %s [%.2f×, %.2f×]", speedup, what, low, high);
    }

    /** e.g. {@code connection pooling: X vs Y: 6.30× throughput [5.10×, 7.70×], measured}. */
    String recommendation() {
        return kind.title() + ": " + label + ": " + ratioText() + ", measured";
    }
}
