package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.stats.ForkWelchTest;
import java.util.Locale;

/** The words of {@link PairedVariantRule} for a pair it could not decide: no verdict, and no advice to remove. */
final class PairCannotTell {

    static final String FIX = "Keep the variant; to measure its gain, rerun with more forks (-f " + ForkWelchTest.MIN_FORKS
            + " or more, 5 for a usable interval).";

    private PairCannotTell() {
    }

    static String summary(MeasuredGain g) {
        return g.outcome() == PairOutcome.UNTESTABLE
                ? String.format(Locale.ROOT, "cannot test %s: %s; observed %.2f× (untested)", g.label(), g.reason(), g.speedup())
                : String.format(Locale.ROOT, "%s: %.2f× observed, not significant (p=%.2g); the interval still allows a gain",
                        g.label(), g.speedup(), g.pValue());
    }

    static String impact(double speedup) {
        return String.format(Locale.ROOT, "observed %.2f×, untested", speedup);
    }
}
