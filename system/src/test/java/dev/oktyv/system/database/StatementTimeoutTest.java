package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link DatabaseConfig#statementTimeout()}: validated, turned into each driver's options, and enforced by the
 * database. The black-holed connection (the network half) is shown through the fault proxy in the probes module
 * ({@code StatementTimeoutThroughBlackHoleTest}, {@code BlackHoledWriteProbeTest}).
 */
class StatementTimeoutTest {

    @Test
    void isThirtySecondsByDefaultZeroForOffAndElseAtLeastOneSecond() {
        assertThat(DatabaseConfig.builder().build().statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DatabaseConfig.builder().statementTimeout(Duration.ZERO).build().statementTimeout()).isZero();
        assertThatThrownBy(() -> DatabaseConfig.builder().statementTimeout(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statementTimeout must be 0 (off) or at least 1s (JDBC counts query timeouts in whole"
                        + " seconds), was PT0.5S");
        assertThatThrownBy(() -> DatabaseConfig.builder().statementTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("was PT-1S");
        assertThatThrownBy(() -> DatabaseConfig.builder().build().withStatementTimeout(Duration.ofMillis(1)))
                .hasMessageContaining("statementTimeout");
        assertThat(DatabaseConfig.builder().build().toString()).contains("statementTimeout=PT30S");
    }

    @Test
    void eachDriverGetsTheStatementTimeoutAndANetworkTimeoutAboveIt() {
        Duration t = Duration.ofSeconds(3);
        Properties h2Tcp = DriverTimeouts.of(config("jdbc:h2:tcp://127.0.0.1:9092/mem:x", t));
        assertThat(h2Tcp).containsEntry("QUERY_TIMEOUT", "3000").containsEntry("NETWORK_TIMEOUT", "5000");
        // In process there is no network to time out.
        assertThat(DriverTimeouts.of(config("jdbc:h2:mem:x", t))).containsOnlyKeys("QUERY_TIMEOUT");
        Properties pg = DriverTimeouts.of(config("jdbc:postgresql://127.0.0.1:5432/test", t));
        assertThat(pg).containsEntry("options", "-c statement_timeout=3000").containsEntry("socketTimeout", "5");
        // What the URL already says is the URL's (H2 refuses a property that contradicts its URL).
        assertThat(DriverTimeouts.of(config("jdbc:h2:tcp://127.0.0.1:9092/mem:x;QUERY_TIMEOUT=100", t)))
                .containsOnlyKeys("NETWORK_TIMEOUT");
        assertThat(DriverTimeouts.of(config("jdbc:postgresql://h/db?socketTimeout=9", t))).containsOnlyKeys("options");
        assertThat(DriverTimeouts.of(config("jdbc:h2:tcp://127.0.0.1:9092/mem:x", Duration.ZERO))).isEmpty();
    }

    /** A statement that runs longer than the timeout is cancelled by H2 and reported as a timeout, in time. */
    @Test
    @Timeout(60)
    void aLongStatementIsCancelledWithATimeoutException() {
        try (DatabaseEngine db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(DatabaseEngineTest.memUrl())
                .maximumPoolSize(1).statementTimeout(Duration.ofSeconds(1)).build(), new InMemorySecretResolver())) {
            long start = System.nanoTime();
            // 10^10 row pairs, nothing materialised: minutes of work, so only the timeout ends it within the limit.
            assertThatThrownBy(() -> db.execute(SqlTemplate.of("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a,"
                    + " SYSTEM_RANGE(1, 100000) b WHERE a.X + b.X = 7")))
                    .isInstanceOf(DatabaseTimeoutException.class)
                    .hasMessageContaining("timed out: no answer within the statement timeout")
                    .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("57014"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            // The connection is fine afterwards: a cancelled statement is not a broken connection.
            assertThat(db.healthCheck().up()).isTrue();
        }
    }

    /**
     * H2's TCP client reports its socket's read timeout as a closed session without the cause: a lost connection
     * counts as a timeout only when it came after the network timeout, never sooner (a reset is not a timeout).
     */
    @Test
    void aConnectionLostAfterTheNetworkTimeoutIsATimeoutAndOnlyThen() {
        Duration timeout = Duration.ofSeconds(2);
        DatabaseException closed = new DatabaseException("insert on table 't' failed: SQLState 90067: session closed",
                "90067", null);
        DatabaseException late = DatabaseTimeoutException.ifUnanswered(closed, Duration.ofMillis(4010), timeout);
        assertThat(late).isInstanceOf(DatabaseTimeoutException.class)
                .hasMessage("timed out after 4010 ms without an answer from the database (statement timeout 2000 ms"
                        + " + network margin 2000 ms, DatabaseConfig.statementTimeout): insert on table 't' failed:"
                        + " SQLState 90067: session closed");
        assertThat(late.sqlState()).isEqualTo("90067");
        assertThat(DatabaseTimeoutException.ifUnanswered(closed, Duration.ofMillis(3990), timeout)).isSameAs(closed);
        assertThat(DatabaseTimeoutException.ifUnanswered(closed, Duration.ofMillis(4010), Duration.ZERO))
                .isSameAs(closed);
        DatabaseException syntax = new DatabaseException("bad", "42000", null);
        assertThat(DatabaseTimeoutException.ifUnanswered(syntax, Duration.ofMinutes(1), timeout)).isSameAs(syntax);
        DatabaseException refused = new DatabaseConnectionException("refused", "08001");
        assertThat(DatabaseTimeoutException.ifUnanswered(refused, Duration.ofMinutes(1), timeout)).isSameAs(refused);
    }

    private static DatabaseConfig config(String url, Duration timeout) {
        return DatabaseConfig.builder().jdbcUrl(url).statementTimeout(timeout).build();
    }
}
