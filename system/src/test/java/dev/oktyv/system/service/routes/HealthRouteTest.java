package dev.oktyv.system.service.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oktyv.system.monitoring.health.CheckResult;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.time.ManualTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
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
    void reportsAreReusedForMaxAgeThenRefreshedInTheBackground() {
        ManualTime time = new ManualTime();
        AtomicInteger runs = new AtomicInteger();
        Queue<Runnable> refreshes = new ArrayDeque<>();
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(5), true, () -> {
                runs.incrementAndGet();
                return HealthStatus.UP;
            });
            HealthRoute route = new HealthRoute(checker, Duration.ofSeconds(1), time, refreshes::add);
            HealthReport first = route.current();
            time.advance(Duration.ofMillis(999));
            assertThat(route.current()).isSameAs(first);
            assertThat(refreshes).isEmpty();
            time.advance(Duration.ofMillis(1));
            assertThat(route.current()).isSameAs(first); // past maxAge: still served, no request waits
            assertThat(route.current()).isSameAs(first);
            assertThat(refreshes).hasSize(1); // one refresh for any number of requests
            assertThat(runs).hasValue(1);
            refreshes.remove().run();
            assertThat(runs).hasValue(2);
            HealthReport second = route.current();
            assertThat(second).isNotSameAs(first);
            assertThat(refreshes).isEmpty();
        }
    }

    @Test
    void aReportPastTwiceMaxAgeIsNeverServedAndIsRebuiltOnAWorker() {
        ManualTime time = new ManualTime();
        AtomicInteger runs = new AtomicInteger();
        Queue<Runnable> refreshes = new ArrayDeque<>();
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(5), true, () -> {
                runs.incrementAndGet();
                return HealthStatus.UP;
            });
            HealthRoute route = new HealthRoute(checker, Duration.ofSeconds(1), time, refreshes::add);
            assertThat(route.readyAnswer()).isNull(); // nothing cached yet: the checks must run on a worker
            var built = route.handle(null);
            assertThat(route.readyAnswer()).isSameAs(built);
            time.advance(Duration.ofMillis(1999));
            assertThat(route.readyAnswer()).isSameAs(built); // stale but within the bound: served, refresh queued
            assertThat(refreshes).hasSize(1);
            time.advance(Duration.ofMillis(1));
            assertThat(route.readyAnswer()).isNull(); // too old: never served, never refreshed from the I/O thread
            assertThat(runs).hasValue(1);
            var rebuilt = route.handle(null);
            assertThat(rebuilt).isNotSameAs(built);
            assertThat(runs).hasValue(2);
            refreshes.remove().run(); // the late refresh finds a fresh report and does not run the checks again
            assertThat(runs).hasValue(2);
            assertThat(route.readyAnswer()).isSameAs(rebuilt);
        }
    }

    @Test
    void aRejectedRefreshLeavesTheNextRequestFreeToTryAgain() {
        ManualTime time = new ManualTime();
        AtomicInteger offered = new AtomicInteger();
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(5), true, () -> HealthStatus.UP);
            HealthRoute route = new HealthRoute(checker, Duration.ofSeconds(1), time, r -> {
                offered.incrementAndGet();
                throw new RejectedExecutionException("shut down");
            });
            var built = route.handle(null);
            time.advance(Duration.ofMillis(1500));
            assertThat(route.readyAnswer()).isSameAs(built);
            assertThat(route.readyAnswer()).isSameAs(built);
            assertThat(offered).hasValue(2);
        }
    }

    @Test
    void theDefaultRefresherRunsTheChecksOffTheCallingThread() throws InterruptedException {
        ManualTime time = new ManualTime();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (HealthChecker checker = new HealthChecker()) {
            checker.register("db", Duration.ofSeconds(30), true, () -> {
                if (runs.incrementAndGet() > 1) {
                    release.await(); // the refresh blocks until the test has been answered
                }
                return HealthStatus.UP;
            });
            HealthRoute route = new HealthRoute(checker, Duration.ofSeconds(1), time);
            var built = route.handle(null);
            time.advance(Duration.ofMillis(1500));
            // Run inline, the refresh would block this call until the latch opens, which only happens after it.
            var served = assertTimeoutPreemptively(Duration.ofSeconds(10), route::readyAnswer);
            assertThat(served).isSameAs(built);
            release.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (route.readyAnswer() == built && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(route.readyAnswer()).isNotNull().isNotSameAs(built);
            assertThat(runs).hasValue(2);
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
