package dev.oktyv.system.api;

import java.time.Duration;
import java.util.Objects;

/**
 * When a host's breaker opens and how it recovers. Counts the last {@code windowSize} calls; once at least
 * {@code minimumCalls} were seen and {@code failureRatePercent} of them failed (transport error or 5xx), it opens
 * for {@code openWait}, then lets {@code halfOpenCalls} probe calls through to decide between CLOSED and OPEN.
 */
public record BreakerSettings(int windowSize, int minimumCalls, float failureRatePercent, Duration openWait,
                              int halfOpenCalls) {

    public static final BreakerSettings DEFAULT = new BreakerSettings(20, 10, 50f, Duration.ofSeconds(30), 3);

    public BreakerSettings {
        Objects.requireNonNull(openWait, "openWait");
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be >= 1, was " + windowSize);
        }
        if (minimumCalls < 1 || minimumCalls > windowSize) {
            throw new IllegalArgumentException("minimumCalls must be in [1, windowSize=" + windowSize + "], was " + minimumCalls);
        }
        if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
            throw new IllegalArgumentException("failureRatePercent must be in (0, 100], was " + failureRatePercent);
        }
        if (openWait.isNegative() || openWait.isZero()) {
            throw new IllegalArgumentException("openWait must be positive, was " + openWait);
        }
        if (halfOpenCalls < 1) {
            throw new IllegalArgumentException("halfOpenCalls must be >= 1, was " + halfOpenCalls);
        }
    }
}
