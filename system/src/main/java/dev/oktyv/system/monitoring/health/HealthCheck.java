package dev.oktyv.system.monitoring.health;

/**
 * One probe of a dependency. It returns its status, or throws, which counts as {@link HealthStatus#DOWN} with the
 * exception's message. It should honour interruption: when it runs past its timeout it is cancelled.
 */
@FunctionalInterface
public interface HealthCheck {

    HealthStatus check() throws Exception;
}
