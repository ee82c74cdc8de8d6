package dev.oktyv.system.database;

import java.util.Optional;

/**
 * Result of {@link DatabaseEngine#healthCheck()}.
 *
 * @param up           the database answered {@code SELECT 1}
 * @param latencyNanos time spent borrowing a connection and running the check (also when it failed)
 * @param detail       "ok", or the one-line, redacted reason the database is down
 * @param pool         pool occupancy; empty in connection-per-query mode, where there is no pool
 */
public record HealthStatus(boolean up, long latencyNanos, String detail, Optional<PoolStats> pool) {

    /** HikariCP's counters at the moment of the check. */
    public record PoolStats(int active, int idle, int total, int waitingThreads) {
    }
}
