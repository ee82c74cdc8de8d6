package dev.oktyv.system.service.health;

import dev.oktyv.system.monitoring.health.CheckRegistration;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code database}: a pooled connection answers {@code SELECT 1} within the deadline. Critical unless item reads
 * have a fallback; then a database outage degrades the service (it still answers reads) instead of taking it down.
 */
public final class DatabaseHealthCheck implements HealthCheckProvider {

    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Optional<CheckRegistration> create(HealthContext context) {
        return context.get(DatabaseDependency.class).map(d -> new CheckRegistration(name(), DEADLINE,
                !d.readFallback(), () -> {
                    dev.oktyv.system.database.HealthStatus s = d.db().healthCheck();
                    if (!s.up()) {
                        // The engine's detail is redacted; it reaches CheckResult.error (operators), not /health.
                        throw new IllegalStateException(s.detail());
                    }
                    return HealthStatus.UP;
                }));
    }
}
