package dev.oktyv.analysis.history;

import java.util.Locale;

/**
 * The newest run of a series tested against the runs before it, as soon as it lands: the windowed detector
 * needs runs on both sides of a split, so a shift in the newest run (the one a nightly job cares about) would
 * otherwise only be marked once later runs exist.
 *
 * @param windowRuns how many preceding runs the newest was compared with
 * @param forks      forks of the newest run (its independent samples)
 * @param change     newest mean over the window's mean, minus 1; NaN when not tested
 * @param pValue     two-sided Welch p-value; NaN when not tested
 * @param shifted    whether {@code p < alpha} and {@code |change| >= threshold}
 * @param reason     why it was not tested, or "" when it was
 */
public record NewestRunCheck(int windowRuns, int forks, double change, double pValue, boolean shifted, String reason) {

    public static NewestRunCheck notTested(int windowRuns, int forks, String reason) {
        return new NewestRunCheck(windowRuns, forks, Double.NaN, Double.NaN, false, reason);
    }

    public boolean tested() {
        return !Double.isNaN(pValue);
    }

    /** One line: "shift +16.6% (p=0.0012) against the 4 runs before it (5 forks)". */
    public String describe() {
        String window = "the " + windowRuns + (windowRuns == 1 ? " run" : " runs") + " before it";
        if (!tested()) {
            return "not tested against " + window + ": " + reason;
        }
        return String.format(Locale.ROOT, "%s %+.1f%% (p=%.2g) against %s (%d forks)", shifted ? "shift" : "no shift:",
                change * 100, pValue, window, forks);
    }
}
