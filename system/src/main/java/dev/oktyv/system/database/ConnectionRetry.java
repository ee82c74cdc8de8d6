package dev.oktyv.system.database;

import java.time.Duration;

/**
 * The engine's own event, published before it waits to retry getting a connection: what failed and how long it
 * will wait. Recovery probes and monitoring judge the retry schedule from these, never from their own counting.
 *
 * @param retry    1-based number of the retry about to happen (attempt {@code retry + 1})
 * @param backoff  the wait before it, drawn from {@link DatabaseConfig#connectionRetry()}
 * @param sqlState the SQLState of the failure, or null when the driver gave none
 */
public record ConnectionRetry(int retry, Duration backoff, String sqlState) {
}
