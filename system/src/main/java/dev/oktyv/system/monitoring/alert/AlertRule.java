package dev.oktyv.system.monitoring.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * A threshold rule, with Prometheus' semantics.
 *
 * @param query          the expression compared with {@code threshold}: a {@link MetricQuery} (one statistic) or a
 *                       computed one such as {@link ErrorRatio}
 * @param forDuration    the condition must hold continuously this long (across evaluations) before the alert
 *                       fires; zero fires on the first evaluation that sees it
 * @param keepFiringFor  once firing, the alert stays firing until the condition has been false this long, so a
 *                       value hovering around the threshold does not flap between fired and resolved
 */
public record AlertRule(String name, AlertExpression query, Comparison comparison, double threshold,
                        Duration forDuration, Duration keepFiringFor) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(comparison, "comparison");
        if (name.isBlank()) {
            throw new IllegalArgumentException("alert rule name must not be blank");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("alert rule " + name + ": threshold must be finite, was " + threshold);
        }
        if (forDuration == null || forDuration.isNegative()) {
            throw new IllegalArgumentException("alert rule " + name + ": for must be >= 0, was " + forDuration);
        }
        if (keepFiringFor == null || keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("alert rule " + name + ": keepFiringFor must be >= 0, was " + keepFiringFor);
        }
    }

    public String describe() {
        return query + " " + comparison.symbol() + " " + threshold;
    }
}
