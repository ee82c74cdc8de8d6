package dev.oktyv.analysis.compare;

import java.util.EnumSet;
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

    /** A comma-separated list such as {@code regression,untestable}. */
    public static Set<FailOn> parse(String list) {
        Set<FailOn> out = EnumSet.noneOf(FailOn.class);
        for (String part : list.split(",", -1)) {
            String p = part.strip();
            try {
                out.add(valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + p + "' is not one of regression, untestable (comma-separated)");
            }
        }
        return out;
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
