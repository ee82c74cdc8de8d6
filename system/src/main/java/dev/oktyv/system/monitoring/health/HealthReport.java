package dev.oktyv.system.monitoring.health;

import java.time.Instant;
import java.util.List;

/**
 * All checks of one run.
 *
 * <p>Aggregation rule: the aggregate is the worst {@link CheckResult#contribution()}, where a non-critical check
 * that is DOWN counts as DEGRADED. No checks at all is UP.
 */
public record HealthReport(HealthStatus status, List<CheckResult> checks, Instant timestamp) {

    public HealthReport {
        checks = List.copyOf(checks);
    }

    public static HealthReport of(List<CheckResult> checks, Instant timestamp) {
        HealthStatus aggregate = HealthStatus.UP;
        for (CheckResult r : checks) {
            aggregate = aggregate.worse(r.contribution());
        }
        return new HealthReport(aggregate, checks, timestamp);
    }
}
