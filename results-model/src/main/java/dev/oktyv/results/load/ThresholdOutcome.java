package dev.oktyv.results.load;

import java.util.Objects;

/**
 * One k6-style threshold as the user wrote it, the value observed for its metric (in the unit the expression
 * compares in: microseconds for latencies, a fraction for rates, a count for counters) and whether it held.
 * An observed {@code NaN} (metric not applicable) never passes.
 */
public record ThresholdOutcome(String expression, String metric, double observed, boolean passed) {

    public ThresholdOutcome {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(metric, "metric");
    }
}
