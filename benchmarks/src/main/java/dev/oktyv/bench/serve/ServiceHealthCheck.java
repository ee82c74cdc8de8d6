package dev.oktyv.bench.serve;

import dev.oktyv.system.monitoring.health.HealthCheck;
import java.time.Duration;

/**
 * A user's health check, run by the embedded service beside its own behind {@code /health}. A plug-in: one class
 * with a public no-argument constructor, listed in {@code META-INF/services/dev.oktyv.bench.serve.ServiceHealthCheck}
 * of a jar on the class path or in {@code --plugins DIR}. {@link #check()} returns its status or throws (DOWN).
 */
public interface ServiceHealthCheck extends HealthCheck {

    /** The name {@code /health} lists it under; unique among the service's checks. */
    String name();

    /** How long one run may take before it is cancelled and reported DOWN. */
    default Duration timeout() {
        return Duration.ofSeconds(2);
    }

    /** Whether its DOWN takes the whole service DOWN; by default it only degrades it. */
    default boolean critical() {
        return false;
    }
}
