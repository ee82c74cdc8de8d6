package dev.oktyv.system.monitoring.alert;

import dev.oktyv.system.monitoring.MetricsCollector;
import java.time.Instant;

/**
 * What an {@link AlertRule} compares with its threshold: one number computed from the service's metrics at an
 * evaluation. An expression may keep history between evaluations (a ratio of increases over a look-back window
 * does), so the {@link AlertManager} evaluates each rule's expression once per evaluation, in time order.
 */
public interface AlertExpression {

    /** The value at {@code now}, or NaN when there is no data (which never satisfies a comparison). */
    double evaluate(MetricsCollector collector, Instant now);
}
