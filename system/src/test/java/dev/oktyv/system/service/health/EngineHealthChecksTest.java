package dev.oktyv.system.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.FileStoreConfig;
import dev.oktyv.system.monitoring.health.CheckRegistration;
import dev.oktyv.system.monitoring.health.CheckResult;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthReport;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.routes.KeyValueBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The per-engine checks, found through ServiceLoader, against real engines that go down and come back. */
@Timeout(60)
class EngineHealthChecksTest {

    @TempDir
    Path dir;

    static {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1"); // tests listen on loopback only
        }
    }

    private static DatabaseEngine open(String url) {
        return DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(url).maximumPoolSize(2)
                .connectionTimeout(Duration.ofMillis(500)).build(), ref -> {
                    throw new AssertionError("no secrets expected");
                });
    }

    private static HealthChecker checker(HealthContext context) {
        HealthChecker checker = new HealthChecker();
        HealthCheckProvider.discover(context, EngineHealthChecksTest.class.getClassLoader())
                .forEach(checker::register);
        return checker;
    }

    private static HealthStatus status(HealthReport r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).map(CheckResult::status).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + r));
    }

    @Test
    void everyEngineHasOneCheckAndAnUnconfiguredEngineHasNone() throws Exception {
        Map<String, String> stored = new ConcurrentHashMap<>(Map.of("svc/token", "t0ken"));
        KeyValueBackend vaults = new KeyValueBackend() {
            @Override
            public Optional<Secret> get(String vault, String key) {
                return Optional.ofNullable(stored.get(vault + "/" + key)).map(Secret::of);
            }

            @Override
            public void put(String vault, String key, Secret value) {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public boolean delete(String vault, String key) {
                return stored.remove(vault + "/" + key) != null;
            }
        };
        try (DatabaseEngine db = open("jdbc:h2:mem:health-all;DB_CLOSE_DELAY=-1");
             ServerSocket smtp = greeter()) {
            HealthContext all = HealthContext.builder()
                    .with(DatabaseDependency.class, new DatabaseDependency(db, false))
                    .with(VaultDependency.class, new VaultDependency(vaults, "svc", "token"))
                    .with(FileStoreDependency.class, new FileStoreDependency(
                            new ConfinedFileStore(FileStoreConfig.builder(dir).build()), ".probe"))
                    .with(SmtpDependency.class, new SmtpDependency("127.0.0.1", smtp.getLocalPort()))
                    .build();
            try (HealthChecker checker = checker(all)) {
                HealthReport r = checker.run();
                assertThat(r.checks()).extracting(CheckResult::name)
                        .containsExactlyInAnyOrder("database", "vault", "files", "smtp");
                assertThat(r.status()).as(r.toString()).isEqualTo(HealthStatus.UP);
            }
            // The vault lost its entry: DOWN, and the vault is critical.
            vaults.delete("svc", "token");
            try (HealthChecker checker = checker(all)) {
                HealthReport r = checker.run();
                assertThat(status(r, "vault")).isEqualTo(HealthStatus.DOWN);
                assertThat(r.status()).isEqualTo(HealthStatus.DOWN);
            }
            List<CheckRegistration> none = HealthCheckProvider.discover(HealthContext.builder().build(),
                    getClass().getClassLoader());
            assertThat(none).as("no engine configured, nothing checked").isEmpty();
        }
    }

    @Test
    void aDownSmtpServerDegradesTheServiceButDoesNotTakeItDown() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        HealthContext ctx = HealthContext.builder()
                .with(SmtpDependency.class, new SmtpDependency("127.0.0.1", port)).build();
        try (HealthChecker checker = checker(ctx)) {
            HealthReport r = checker.run();
            assertThat(status(r, "smtp")).isEqualTo(HealthStatus.DOWN);
            assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
        }
    }

    @Test
    void theDatabaseGoingDownDegradesWithAReadFallbackIsDownWithoutAndRecoversToUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Server h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
        try (DatabaseEngine db = open("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:health-outage;DB_CLOSE_DELAY=-1");
             HealthChecker withFallback = checker(HealthContext.builder()
                     .with(DatabaseDependency.class, new DatabaseDependency(db, true)).build());
             HealthChecker without = checker(HealthContext.builder()
                     .with(DatabaseDependency.class, new DatabaseDependency(db, false)).build())) {
            assertThat(withFallback.run().status()).isEqualTo(HealthStatus.UP);
            h2.stop();
            HealthReport degraded = withFallback.run();
            assertThat(status(degraded, "database")).isEqualTo(HealthStatus.DOWN);
            assertThat(degraded.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(degraded.checks().get(0).error()).as("the reason is kept for operators").isPresent();
            assertThat(without.run().status()).isEqualTo(HealthStatus.DOWN);
            h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            assertThat(withFallback.run().status()).as("back once the database is").isEqualTo(HealthStatus.UP);
            assertThat(without.run().status()).isEqualTo(HealthStatus.UP);
        } finally {
            h2.stop();
        }
    }

    /** A one-shot SMTP greeter: answers every connection with 220, as a live server does. */
    private static ServerSocket greeter() throws IOException {
        ServerSocket s = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "smtp-greeter");
            t.setDaemon(true);
            return t;
        });
        loop.execute(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    c.getOutputStream().write("220 test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return s;
    }
}
