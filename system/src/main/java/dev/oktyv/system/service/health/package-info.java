/**
 * The service's health checks, one small {@link dev.oktyv.system.monitoring.health.HealthCheckProvider} per engine,
 * found through {@link java.util.ServiceLoader}; each takes its dependency (a record of this package) from the
 * {@link dev.oktyv.system.monitoring.health.HealthContext} the service builds, and is absent when the service
 * runs without that engine.
 */
package dev.oktyv.system.service.health;
