package dev.oktyv.analysis.compare;

import java.util.Locale;
import java.util.Set;

/**
 * What makes {@code compare --fail-on} exit 1. {@code regression} alone passes a comparison in which nothing could
 * be tested (one fork per side: every row is {@code inconclusive}); a CI gate that must not pass silently adds
 * {@code untestable}: {@code --fail-on regression,untestable}.
 */
public enum FailOn {
    /** Any row is {@code regressed}. */
    REGRESSION,
    /** Any row could not be tested (fewer than 2 forks on a side, non-positive means, different units). */
    UNTESTABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code regression,untestable}: the wire names of a gate, comma-separated, in declaration order. */
    public static String wireNames(Set<FailOn> gate) {
        return String.join(",", gate.stream().sorted().map(FailOn::wireName).toList());
    }

    /** The first reason the comparison fails the gate, or null when it passes. */
    public static String failure(Set<FailOn> gate, Comparison c) {
        if (gate.contains(REGRESSION) && c.anyRegression()) {
            return c.count(dev.oktyv.analysis.stats.Verdict.REGRESSED) + " regressed";
        }
        if (gate.contains(UNTESTABLE) && c.untestable() > 0) {
            return c.untestableNote().orElse(c.untestable() + " rows could not be tested");
        }
        return null;
    }
}
