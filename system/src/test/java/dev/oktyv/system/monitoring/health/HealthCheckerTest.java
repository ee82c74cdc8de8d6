package dev.oktyv.system.monitoring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HealthCheckerTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void allUpIsUp() {
        try (HealthChecker h = new HealthChecker()) {
            h.register("db", LONG, true, () -> HealthStatus.UP);
            h.register("vault", LONG, true, () -> HealthStatus.UP);
            HealthReport r = h.run();
            assertThat(r.status()).isEqualTo(HealthStatus.UP);
            assertThat(r.checks()).extracting(CheckResult::name).containsExactly("db", "vault");
            assertThat(r.checks()).allSatisfy(c -> assertThat(c.failure()).isEmpty());
        }
    }

    @Test
    void noChecksIsUp() {
        try (HealthChecker h = new HealthChecker()) {
            assertThat(h.run().status()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void nonCriticalDownDegradesCriticalDownTakesItDown() {
        try (HealthChecker h = new HealthChecker()) {
            h.register("db", LONG, true, () -> HealthStatus.UP);
            h.register("email", LONG, false, () -> {
                throw new IllegalStateException("smtp refused");
            });
            HealthReport r = h.run();
            assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
            CheckResult email = r.checks().get(1);
            assertThat(email.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(email.failure()).contains(CheckResult.FailureKind.EXCEPTION);
            assertThat(email.error()).contains("smtp refused");

            h.register("files", LONG, true, () -> HealthStatus.DOWN);
            assertThat(h.run().status()).isEqualTo(HealthStatus.DOWN);
        }
    }

    @Test
    void aCheckThatReportsDegradedDegrades() {
        try (HealthChecker h = new HealthChecker()) {
            h.register("db", LONG, true, () -> HealthStatus.DEGRADED);
            assertThat(h.run().status()).isEqualTo(HealthStatus.DEGRADED);
        }
    }

    // Timeouts in these tests are 1 s, not less: the check must have started on its pool thread before the
    // deadline for the cancellation to be observable, and this machine is shared by many builds.
    @Test
    void hangingCheckIsDownByTimeoutWhileOthersStillReport() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (HealthChecker h = new HealthChecker()) {
            h.register("hangs", Duration.ofSeconds(1), true, () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return HealthStatus.UP;
            });
            h.register("fine", LONG, true, () -> HealthStatus.UP);
            HealthReport r = h.run();
            assertThat(r.status()).isEqualTo(HealthStatus.DOWN);
            CheckResult hangs = r.checks().get(0);
            assertThat(hangs.failure()).contains(CheckResult.FailureKind.TIMEOUT);
            assertThat(hangs.error().orElseThrow()).contains("timed out");
            assertThat(r.checks().get(1).status()).isEqualTo(HealthStatus.UP);
            // The hanging check was cancelled, not left running.
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void checksRunInParallel() {
        // Each check waits until both have started: run sequentially, the first would time out.
        CountDownLatch both = new CountDownLatch(2);
        try (HealthChecker h = new HealthChecker()) {
            for (String name : new String[] {"a", "b"}) {
                h.register(name, Duration.ofSeconds(20), true, () -> {
                    both.countDown();
                    return both.await(20, TimeUnit.SECONDS) ? HealthStatus.UP : HealthStatus.DOWN;
                });
            }
            assertThat(h.run().status()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void aCheckIgnoringCancellationIsNotStartedTwice() {
        CountDownLatch release = new CountDownLatch(1);
        try (HealthChecker h = new HealthChecker()) {
            h.register("stubborn", Duration.ofSeconds(1), false, () -> {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // deliberately ignores cancellation
                    }
                }
                return HealthStatus.UP;
            });
            assertThat(h.run().checks().get(0).failure()).contains(CheckResult.FailureKind.TIMEOUT);
            HealthReport second = h.run();
            assertThat(second.checks().get(0).failure()).contains(CheckResult.FailureKind.STILL_RUNNING);
            assertThat(second.status()).isEqualTo(HealthStatus.DEGRADED);
            release.countDown();
        }
    }

    @Test
    void registrationIsValidated() {
        try (HealthChecker h = new HealthChecker()) {
            assertThatThrownBy(() -> h.register("x", Duration.ZERO, true, () -> HealthStatus.UP))
                    .hasMessageContaining("x").hasMessageContaining("PT0S");
            h.register("x", LONG, true, () -> HealthStatus.UP);
            assertThatThrownBy(() -> h.register("x", LONG, true, () -> HealthStatus.UP))
                    .hasMessageContaining("already registered");
        }
    }
}
