package dev.oktyv.system.monitoring.health;

import java.time.Duration;
import java.util.Objects;

/**
 * A registered check.
 *
 * @param critical whether this check's DOWN takes the whole service DOWN; a non-critical DOWN only degrades it
 */
public record CheckRegistration(String name, Duration timeout, boolean critical, HealthCheck check) {

    public CheckRegistration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        if (name.isBlank()) {
            throw new IllegalArgumentException("health check name must not be blank");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("health check " + name + ": timeout must be positive, was " + timeout);
        }
    }
}
