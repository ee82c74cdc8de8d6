package dev.oktyv.analysis.stats;

import dev.oktyv.analysis.model.Direction;

/**
 * Turns a {@link RelativeChange} into a {@link Verdict}.
 * <ol>
 *   <li>not estimable (fewer than 2 forks with raw data on a side), or a unit without a direction →
 *       {@code inconclusive};</li>
 *   <li>{@code p < alpha} and {@code |change| >= threshold} → {@code regressed} or {@code improved}, by the
 *       direction derived from the unit;</li>
 *   <li>equivalence shown by two one-sided tests at level alpha (TOST: the {@code 1 − 2·alpha} interval inside
 *       {@code (−threshold, +threshold)}), or significant but smaller than the threshold → {@code unchanged};</li>
 *   <li>otherwise (not significant, but the interval still allows a change of at least the threshold) →
 *       {@code inconclusive}: the data cannot tell.</li>
 * </ol>
 *
 * <p>Allocation per operation ({@code B/op}) has an absolute floor on top: JMH's normalised allocation of a
 * benchmark that allocates nothing is sampling noise of a fraction of a byte (0.60 vs 0.40 B/op is "−34%" and can
 * even be significant), so a change smaller than {@code allocationFloorBytes} is {@code unchanged} whatever its
 * relative size. The default, 8 bytes, is one object header on a 64-bit JVM with compressed class pointers:
 * less than that cannot be one more object per operation.
 *
 * @param threshold minimum relative effect that counts, e.g. 0.05 for 5%
 * @param alpha     significance level of the two-sided test, e.g. 0.01
 * @param allocationFloorBytes smallest absolute change of a {@code B/op} metric that can be a verdict other
 *                             than {@code unchanged}, in bytes per operation
 */
public record VerdictPolicy(double threshold, double alpha, double allocationFloorBytes) {

    public static final double DEFAULT_ALLOCATION_FLOOR_BYTES = 8;
    public static final VerdictPolicy DEFAULT = new VerdictPolicy(0.05, 0.01);

    public VerdictPolicy(double threshold, double alpha) {
        this(threshold, alpha, DEFAULT_ALLOCATION_FLOOR_BYTES);
    }

    public VerdictPolicy {
        if (!(allocationFloorBytes >= 0 && Double.isFinite(allocationFloorBytes))) {
            throw new IllegalArgumentException("allocationFloorBytes must be a finite number >= 0, was " + allocationFloorBytes);
        }
        if (!(threshold >= 0 && threshold < 10)) {
            throw new IllegalArgumentException("threshold must be a fraction in [0, 10), was " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
    }

    public Verdict decide(RelativeChange change, Direction direction) {
        if (!change.estimable() || direction == Direction.UNKNOWN) {
            return Verdict.INCONCLUSIVE;
        }
        boolean significant = change.pValue() < alpha;
        if (significant && Math.abs(change.estimate()) >= threshold) {
            boolean better = direction == Direction.HIGHER_IS_BETTER ? change.estimate() > 0 : change.estimate() < 0;
            return better ? Verdict.IMPROVED : Verdict.REGRESSED;
        }
        if (significant || (change.equivalenceLower() > -threshold && change.equivalenceUpper() < threshold)) {
            return Verdict.UNCHANGED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /**
     * Whether a change of a {@code B/op} metric from {@code baselineBytes} to {@code candidateBytes} is below the
     * absolute floor, and so {@code unchanged} whatever its relative size; false for any other unit.
     */
    public boolean belowAllocationFloor(String unit, double baselineBytes, double candidateBytes) {
        return ALLOCATION_UNIT.equals(unit) && Math.abs(candidateBytes - baselineBytes) < allocationFloorBytes;
    }

    /** The one-line reason for a verdict set by {@link #belowAllocationFloor}. */
    public String explainAllocationFloor(double baselineBytes, double candidateBytes) {
        return String.format(java.util.Locale.ROOT, "a change of %+.2f B/op is below the %s B/op allocation floor",
                candidateBytes - baselineBytes, allocationFloorBytes == Math.rint(allocationFloorBytes)
                        ? String.format(java.util.Locale.ROOT, "%.0f", allocationFloorBytes)
                        : String.format(java.util.Locale.ROOT, "%.2f", allocationFloorBytes));
    }

    private static final String ALLOCATION_UNIT = "B/op";

    /** Why {@link #decide} said what it said, in one line. */
    public String explain(RelativeChange change, Direction direction) {
        if (!change.estimable()) {
            return change.reason();
        }
        if (direction == Direction.UNKNOWN) {
            return "the unit does not say whether higher or lower is better";
        }
        return switch (decide(change, direction)) {
            case REGRESSED, IMPROVED -> String.format(java.util.Locale.ROOT, "p=%.2g < %.2g and |change| >= %.1f%%",
                    change.pValue(), alpha, threshold * 100);
            case UNCHANGED -> change.pValue() < alpha
                    ? String.format(java.util.Locale.ROOT, "significant but below the %.1f%% threshold", threshold * 100)
                    : String.format(java.util.Locale.ROOT, "equivalent within ±%.1f%% (TOST)", threshold * 100);
            case INCONCLUSIVE -> String.format(java.util.Locale.ROOT,
                    "p=%.2g, interval too wide to rule out a %.1f%% change", change.pValue(), threshold * 100);
        };
    }
}
