package dev.oktyv.system.monitoring.alert;

import java.time.Instant;

/**
 * A rule fired or resolved.
 *
 * @param value the observed value at that evaluation (NaN when there was no data)
 */
public record AlertEvent(String rule, Type type, double value, double threshold, Instant at) {

    public enum Type { FIRED, RESOLVED }
}
