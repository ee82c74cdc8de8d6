package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.stats.ForkWelchTest;
import dev.oktyv.analysis.stats.RelativeChange;
import java.util.Locale;

/** The words of {@link PairedVariantRule} for a pair it could not decide: no verdict, and no advice to remove. */
final class PairCannotTell {

    static final String FIX = "Keep the variant; to measure its gain, rerun with more forks (-f " + ForkWelchTest.MIN_FORKS
            + " or more, 5 for a usable interval).";

    private PairCannotTell() {
    }

    static String summary(VariantPairs.Pair p, double speedup, RelativeChange c, PairOutcome outcome) {
        String pair = p.optimised().id().label() + " vs " + p.baseline().id().label();
        return outcome == PairOutcome.UNTESTABLE
                ? String.format(Locale.ROOT, "cannot test %s: %s; observed %.2f× (untested)", pair, c.reason(), speedup)
                : String.format(Locale.ROOT, "%s: %.2f× observed, not significant (p=%.2g); the interval still allows a gain",
                        pair, speedup, c.pValue());
    }

    static String impact(double speedup) {
        return String.format(Locale.ROOT, "observed %.2f×, untested", speedup);
    }
}
