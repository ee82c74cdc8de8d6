package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.stats.RelativeChange;

/**
 * What a paired comparison showed, and so how loud the rule may be. Only {@link #NO_GAIN} (a measured interval
 * that excludes any gain) may advise removing an optimisation; a rule that could not test, or whose interval still
 * allows a gain, says so at the lowest severity: a 376× observed speed-up from one fork per side is not evidence
 * that the optimisation buys nothing.
 */
enum PairOutcome {
    /** Significantly faster: the interval lies entirely on the gain side. */
    GAIN_SHOWN(Severity.INFO),
    /** The interval excludes any gain: the variant is measurably not faster. */
    NO_GAIN(Severity.WARNING),
    /** Tested, not significant, but the interval still allows a gain. */
    UNDECIDED(Severity.INFO),
    /** No test possible (fewer than 2 forks on a side, non-positive means). */
    UNTESTABLE(Severity.INFO);

    final Severity severity;

    PairOutcome(Severity severity) {
        this.severity = severity;
    }

    /** @param c the change of the optimised variant over its baseline, {@code optimised / baseline − 1} */
    static PairOutcome of(RelativeChange c, Direction d, double alpha) {
        if (!c.estimable()) {
            return UNTESTABLE;
        }
        boolean higher = d == Direction.HIGHER_IS_BETTER;
        if (c.pValue() < alpha && (higher ? c.lower() > 0 : c.upper() < 0)) {
            return GAIN_SHOWN;
        }
        return (higher ? c.upper() <= 0 : c.lower() >= 0) ? NO_GAIN : UNDECIDED;
    }
}
