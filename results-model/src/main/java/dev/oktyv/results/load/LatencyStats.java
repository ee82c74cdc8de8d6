package dev.oktyv.results.load;

import java.util.Objects;

/**
 * Percentiles of one latency histogram, in microseconds (fractional, HdrHistogram values are nanoseconds).
 * When the figure does not exist (a closed model without an intended rate has no corrected latency, a run
 * where nothing completed has no latency at all) every value is {@code NaN} and {@link #notApplicableReason}
 * says why; it is never a row of zeros.
 */
public record LatencyStats(long count, double minMicros, double meanMicros, double p50Micros, double p90Micros,
                           double p95Micros, double p99Micros, double p999Micros, double p9999Micros,
                           double maxMicros, String notApplicableReason) {

    public LatencyStats {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        notApplicableReason = notApplicableReason == null ? "" : notApplicableReason;
    }

    public static LatencyStats notApplicable(String reason) {
        Objects.requireNonNull(reason, "reason");
        double n = Double.NaN;
        return new LatencyStats(0, n, n, n, n, n, n, n, n, n, reason);
    }

    public boolean applicable() {
        return notApplicableReason.isEmpty();
    }

    /** The value at a named percentile (50, 90, 95, 99, 99.9, 99.99), or NaN for any other. */
    public double percentileMicros(double percentile) {
        if (percentile == 50) {
            return p50Micros;
        } else if (percentile == 90) {
            return p90Micros;
        } else if (percentile == 95) {
            return p95Micros;
        } else if (percentile == 99) {
            return p99Micros;
        } else if (percentile == 99.9) {
            return p999Micros;
        } else if (percentile == 99.99) {
            return p9999Micros;
        }
        return Double.NaN;
    }
}
