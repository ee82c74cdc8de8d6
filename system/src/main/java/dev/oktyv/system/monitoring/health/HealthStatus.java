package dev.oktyv.system.monitoring.health;

/** Ordered from best to worst: the aggregate of several statuses is the worst of them. */
public enum HealthStatus {
    UP, DEGRADED, DOWN;

    public HealthStatus worse(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
