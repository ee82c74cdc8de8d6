package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final String PASSWORD = "s3cret-Pa55word";
    private final ManualTime time = new ManualTime();

    private DatabaseEngine open(DatabaseConfig config, InMemorySecretResolver resolver) {
        return DatabaseEngine.open(config, resolver, time, time, () -> 0.5);
    }

    @Test
    void vaultReferenceIsResolvedWhenAConnectionOpens() {
        String url = DatabaseEngineTest.memUrl();
        InMemorySecretResolver resolver = new InMemorySecretResolver().put("vault:db/app-password", PASSWORD);
        DatabaseConfig config = DatabaseConfig.builder().jdbcUrl(url).username("sa")
                .password("vault:db/app-password").maximumPoolSize(1).build();
        assertThat(config.toString()).doesNotContain(PASSWORD).contains("vault:db/app-password");
        assertThat(resolver.resolutions).hasValue(0);
        try (DatabaseEngine db = open(config, resolver)) {
            assertThat(resolver.resolutions.get()).as("resolved by the pool's first connect").isPositive();
            assertThat(db.healthCheck().up()).isTrue();
        }
    }

    @Test
    void wrongPasswordErrorNeverContainsIt() {
        String url = DatabaseEngineTest.memUrl();
        InMemorySecretResolver good = new InMemorySecretResolver().put("vault:db/pw", PASSWORD);
        try (DatabaseEngine creator = open(DatabaseConfig.builder().jdbcUrl(url).username("sa")
                .password("vault:db/pw").build(), good)) {
            String wrong = "wr0ng-Pa55word-XYZ";
            InMemorySecretResolver bad = new InMemorySecretResolver().put("vault:db/pw", wrong);
            assertThatThrownBy(() -> open(DatabaseConfig.builder().jdbcUrl(url).username("sa")
                    .password("vault:db/pw").build(), bad))
                    .isInstanceOf(DatabaseConnectionException.class)
                    .hasMessageContaining("28000")
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(PASSWORD);
                        assertThat(e.getCause()).isNull();
                    });
        }
    }

    @Test
    void passwordInTheUrlIsRedactedFromConnectionErrors() {
        // Port 1 on loopback refuses at once: a real driver failure with the password sitting in the URL.
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=app&password=hunter2-in-url&connectTimeout=2";
        DatabaseConfig config = DatabaseConfig.builder().jdbcUrl(url).connectionTimeout(Duration.ofMillis(250)).build();
        assertThat(config.toString()).doesNotContain("hunter2-in-url");
        assertThatThrownBy(() -> open(config, new InMemorySecretResolver()))
                .isInstanceOf(DatabaseConnectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-in-url").contains("password=***"));
    }

    @Test
    void healthCheckReportsDownWithARedactedReason() {
        String url = "jdbc:postgresql://app:pw-in-userinfo@127.0.0.1:1/test?connectTimeout=2";
        InMemorySecretResolver resolver = new InMemorySecretResolver().put("vault:db/pw", PASSWORD);
        // Connection-per-query opens nothing up front, so the engine exists and the health check sees the failure.
        try (DatabaseEngine db = open(DatabaseConfig.builder().jdbcUrl(url).password("vault:db/pw")
                .mode(ConnectionMode.CONNECTION_PER_QUERY).build(), resolver)) {
            HealthStatus h = db.healthCheck();
            assertThat(h.up()).isFalse();
            assertThat(h.detail()).contains("cannot open connection").doesNotContain("pw-in-userinfo")
                    .doesNotContain(PASSWORD);
            assertThat(resolver.resolutions).hasValue(1);
        }
    }

    @Test
    void resolvedSecretValuesAreRedactedFromDriverMessages() {
        String url = "jdbc:postgresql://db/x?password=p1";
        assertThat(JdbcUrls.redact("auth failed for 'hunter22' at " + url, url, "hunter22".toCharArray()))
                .isEqualTo("auth failed for '***' at jdbc:postgresql://db/x?password=***");
    }

    @Test
    void missingSecretNamesTheReferenceOnly() {
        assertThatThrownBy(() -> open(DatabaseConfig.builder().jdbcUrl(DatabaseEngineTest.memUrl())
                .password("vault:db/absent").build(), new InMemorySecretResolver()))
                .isInstanceOf(DatabaseConnectionException.class)
                .hasMessageContaining("no secret at vault:db/absent");
    }

    @Test
    void redactsEveryUrlForm() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://bob:pa55@db:5432/x?sslpassword=k3y&user=bob"))
                .isEqualTo("jdbc:postgresql://bob:***@db:5432/x?sslpassword=***&user=bob");
        assertThat(JdbcUrls.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=pa55;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***;DB_CLOSE_DELAY=-1");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/x?password=a&token=b"))
                .isEqualTo("jdbc:postgresql://db/x?password=***&token=***");
        assertThat(JdbcUrls.redact("jdbc:h2:mem:plain")).isEqualTo("jdbc:h2:mem:plain");
    }

    @Test
    void configRejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> DatabaseConfig.builder().connectionTimeout(Duration.ofMillis(100)))
                .hasMessage("connectionTimeout must be at least 250ms (HikariCP's minimum), was PT0.1S");
        assertThatThrownBy(() -> DatabaseConfig.builder().idleTimeout(Duration.ofSeconds(5)))
                .hasMessageContaining("idleTimeout").hasMessageContaining("PT5S");
        assertThatThrownBy(() -> DatabaseConfig.builder().maximumPoolSize(0)).hasMessage("maximumPoolSize must be 1..500, was 0");
        assertThatThrownBy(() -> DatabaseConfig.builder().jdbcUrl("jdbc:mysql://u:pw123@h/x"))
                .hasMessage("jdbcUrl 'jdbc:mysql://u:***@h/x' must start with jdbc:h2: or jdbc:postgresql:");
    }
}
