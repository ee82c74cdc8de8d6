package dev.oktyv.system.service.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.health.CheckResult;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.time.ManualTime;
import java.util.concurrent.atomic.AtomicInteger;
import dev.oktyv.system.monitoring.health.HealthReport;
import dev.oktyv.system.monitoring.health.HealthStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthRouteTest {

    @Test
    void jsonMatchesGoldenFileAndHidesErrorText() throws IOException {
        HealthReport report = HealthReport.of(List.of(
                new CheckResult("database", HealthStatus.UP, true, Duration.ofNanos(1_250_000),
                        Optional.empty(), Optional.empty()),
                new CheckResult("email", HealthStatus.DOWN, false, Duration.ofMillis(2000),
                        Optional.of(CheckResult.FailureKind.TIMEOUT), Optional.of("smtp://user:pw@10.0.0.1 timed out"))),
                Instant.parse("2026-01-01T00:00:00Z"));
        String json = HealthRoute.toJson(report).toString();
        try (InputStream in = getClass().getResourceAsStream("health-golden.json")) {
            assertThat(in).isNotNull();
            assertThat(json + "\n").isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(json).doesNotContain("pw@", "10.0.0.1");
        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void reportsAreReusedForMaxAgeThenRefreshed() {
        ManualTime time = new ManualTime();
        AtomicInteger runs = new AtomicInteger();
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(5), true, () -> {
                runs.incrementAndGet();
                return HealthStatus.UP;
            });
            HealthRoute route = new HealthRoute(checker, Duration.ofSeconds(1), time);
            route.current();
            time.advance(Duration.ofMillis(999));
            route.current();
            assertThat(runs).hasValue(1);
            time.advance(Duration.ofMillis(1));
            route.current();
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void aReadyAnswerExistsOnlyWhileTheCachedReportIsFresh() {
        ManualTime time = new ManualTime();
        AtomicInteger runs = new AtomicInteger();
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(5), true, () -> {
                runs.incrementAndGet();
                return HealthStatus.UP;
            });
            HealthRoute route = new HealthRoute(checker, Duration.ofSeconds(1), time);
            assertThat(route.readyAnswer()).isNull(); // nothing cached yet: the checks must run on a worker
            var built = route.handle(null);
            assertThat(route.readyAnswer()).isSameAs(built);
            time.advance(Duration.ofMillis(999));
            assertThat(route.readyAnswer()).isSameAs(built);
            time.advance(Duration.ofMillis(1));
            assertThat(route.readyAnswer()).isNull(); // stale: never refreshed from the I/O thread
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void aZeroMaxAgeNeverHasAReadyAnswer() {
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(5), true, () -> HealthStatus.UP);
            HealthRoute route = new HealthRoute(checker, Duration.ZERO, new ManualTime());
            route.handle(null);
            assertThat(route.readyAnswer()).isNull();
        }
    }
}
