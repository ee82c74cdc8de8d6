package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final int THREADS = 8;

    /** Runs {@code perThread} on 8 threads released together; returns the sum of their results. */
    private static int onEightThreads(java.util.concurrent.Callable<Integer> perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return perThread.call();
                }));
            }
            go.countDown();
            int sum = 0;
            for (Future<Integer> f : futures) {
                sum += f.get(30, TimeUnit.SECONDS);
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withTimeFrozenEightThreadsGetExactlyTheCapacity() throws Exception {
        // A check-then-take race would hand out more than 50 here.
        long frozen = 123;
        TokenBucket bucket = new TokenBucket("frozen", new RateLimit(50, 10), () -> frozen, Sleeper.SYSTEM);
        int granted = onEightThreads(() -> {
            int mine = 0;
            for (int i = 0; i < 5_000; i++) {
                if (bucket.tryAcquire()) {
                    mine++;
                }
            }
            return mine;
        });
        assertThat(granted).isEqualTo(50);
    }

    @Test
    void blockingAcquireUnderEightThreadsNeverExceedsCapacityPlusRefill() throws Exception {
        ManualTime time = new ManualTime();
        RateLimit limit = new RateLimit(10, 100);
        RateLimiter limiter = new RateLimiter(new RateLimit(1_000, 1_000), limit, time, time);
        AtomicInteger timeouts = new AtomicInteger();
        long start = time.nanoTime();
        int granted = onEightThreads(() -> {
            int mine = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    limiter.acquire("orders", Duration.ofSeconds(1));
                    mine++;
                } catch (RateLimitTimeoutException e) {
                    timeouts.incrementAndGet();
                }
            }
            return mine;
        });
        double elapsedSeconds = (time.nanoTime() - start) / 1e9;
        double allowed = limit.capacity() + limit.refillPerSecond() * elapsedSeconds;

        assertThat(granted + timeouts.get()).isEqualTo(THREADS * 200);
        assertThat(granted).isGreaterThan(limit.capacity());
        assertThat((double) granted).as("granted %d over %.3f s (allowed %.1f)", granted, elapsedSeconds, allowed)
                .isLessThanOrEqualTo(allowed + 1e-9);
    }

    @Test
    void acquireFailsFastWhenTheNextPermitComesAfterTheDeadline() throws Exception {
        ManualTime time = new ManualTime();
        TokenBucket bucket = new TokenBucket("slow", new RateLimit(1, 0.5), time, time);
        bucket.acquire(Duration.ZERO);
        assertThatThrownBy(() -> bucket.acquire(Duration.ofSeconds(1)))
                .isInstanceOf(RateLimitTimeoutException.class)
                .hasMessage("rate limit 'slow': no permit within PT1S (next permit in PT2S)");
        assertThat(time.sleeps()).isEmpty();
        bucket.acquire(Duration.ofSeconds(3));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aGlobalTimeoutRefundsTheEndpointPermit() throws Exception {
        ManualTime time = new ManualTime();
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 0.001), new RateLimit(5, 0.001), time, time);
        limiter.acquire("a", Duration.ZERO);
        assertThat(limiter.endpoint("a").availablePermits()).isEqualTo(4);
        assertThatThrownBy(() -> limiter.acquire("a", Duration.ZERO)).isInstanceOf(RateLimitTimeoutException.class);
        assertThat(limiter.endpoint("a").availablePermits()).isEqualTo(4);
    }

    @Test
    void aServerPauseEmptiesTheBucketUntilTheResetTime() throws Exception {
        ManualTime time = new ManualTime();
        TokenBucket bucket = new TokenBucket("api", new RateLimit(10, 10), time, time);
        bucket.pauseFor(Duration.ofSeconds(5));
        assertThat(bucket.tryAcquire()).isFalse();
        time.advance(Duration.ofSeconds(5));
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new RateLimit(0, 1)).hasMessage("capacity must be >= 1, was 0");
        assertThatThrownBy(() -> new RateLimit(1, Double.NaN)).hasMessageContaining("was NaN");
        NanoClock unused = NanoClock.SYSTEM;
        assertThat(unused).isNotNull();
    }
}
