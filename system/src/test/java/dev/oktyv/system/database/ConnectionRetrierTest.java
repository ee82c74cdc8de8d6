package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConnectionRetrierTest {

    private static final BackoffPolicy POLICY = new BackoffPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400));

    private final ManualTime time = new ManualTime();
    private final List<ConnectionRetry> events = new ArrayList<>();

    private ConnectionRetrier retrier(BackoffPolicy policy, double jitter) {
        ConnectionRetrier r = new ConnectionRetrier(policy, time, () -> jitter);
        r.addListener(events::add);
        return r;
    }

    /** Fails with "connection refused" {@code failures} times, then hands out a (null) connection. */
    private static Supplier<Connection> failing(int failures, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw new DatabaseConnectionException("connection refused", "08001");
            }
            return null;
        };
    }

    @Test
    void retriesAnUnreachableDatabaseOnTheExponentialScheduleAndPublishesEachWait() {
        AtomicInteger calls = new AtomicInteger();
        retrier(POLICY, 0.0).acquire(failing(3, calls));
        assertThat(calls).hasValue(4);
        // Equal jitter at random 0: exactly half of 100, 200, 400 ms.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(200));
        assertThat(events).extracting(ConnectionRetry::retry).containsExactly(1, 2, 3);
        assertThat(events).extracting(ConnectionRetry::backoff).isEqualTo(time.sleeps());
        assertThat(events).allMatch(e -> "08001".equals(e.sqlState()));
    }

    @Test
    void theRetryCapEndsAnOutageWithOneErrorNamingTheAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier(POLICY, 0.99).acquire(failing(100, calls)))
                .isInstanceOf(DatabaseConnectionException.class)
                .hasMessageStartingWith("no connection after 5 attempts")
                .hasMessageContaining("connection refused");
        assertThat(calls).hasValue(5);
        assertThat(time.sleeps()).hasSize(4).allMatch(d -> d.compareTo(Duration.ofMillis(400)) <= 0);
        assertThat(time.sleeps().get(3)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void withoutRetriesTheFirstFailureIsTheCallersUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier(BackoffPolicy.NONE, 0.5).acquire(failing(1, calls)))
                .hasMessage("connection refused");
        assertThat(calls).hasValue(1);
        assertThat(events).isEmpty();
    }

    @Test
    void aBusyPoolIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier(POLICY, 0.5).acquire(() -> {
            calls.incrementAndGet();
            throw new DatabaseBusyException(4, Duration.ofSeconds(1), "active=4, waiting=9");
        })).isInstanceOf(DatabaseBusyException.class);
        assertThat(calls).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }
}
