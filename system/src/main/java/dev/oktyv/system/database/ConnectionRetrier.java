package dev.oktyv.system.database;

import dev.oktyv.system.time.Sleeper;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Gets a connection, retrying per {@link DatabaseConfig#connectionRetry()} while the database is unreachable. Only
 * getting the connection is retried: nothing has been sent yet, so a retry cannot run a statement twice. A busy
 * pool ({@link DatabaseBusyException}) is not retried either: more waiting callers would only deepen the queue.
 */
final class ConnectionRetrier {

    private final BackoffPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final List<Consumer<ConnectionRetry>> listeners = new CopyOnWriteArrayList<>();

    ConnectionRetrier(BackoffPolicy policy, Sleeper sleeper, DoubleSupplier jitter) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    void addListener(Consumer<ConnectionRetry> listener) {
        listeners.add(listener);
    }

    Connection acquire(Supplier<Connection> once) {
        for (int retry = 1; ; retry++) {
            try {
                return once.get();
            } catch (DatabaseBusyException e) {
                throw e;
            } catch (DatabaseConnectionException e) {
                if (retry > policy.maxRetries()) {
                    if (retry == 1) {
                        throw e;
                    }
                    throw new DatabaseConnectionException("no connection after " + retry + " attempts over the"
                            + " connection retry policy (" + policy.maxRetries() + " retries): " + e.getMessage(),
                            e.sqlState());
                }
                Duration wait = policy.backoff(retry, jitter.getAsDouble());
                ConnectionRetry event = new ConnectionRetry(retry, wait, e.sqlState());
                listeners.forEach(l -> l.accept(event));
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseConnectionException("interrupted while waiting " + wait + " to retry getting a"
                            + " connection: " + e.getMessage(), e.sqlState());
                }
            }
        }
    }
}
