package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ten times the pool size in concurrent requests, each holding its connection until the excess has been turned
 * away: at no moment may more than the pool size hold a connection, and every request beyond it must fail within
 * the connection timeout plus a tolerance, not queue without bound or open more connections.
 */
public final class PoolLimitProbe implements SecurityProbe {

    static final int POOL_SIZE = 4;
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    static final Duration TOLERANCE = Duration.ofSeconds(2);
    /** How long holders keep their connection at most, if the excess never fails. */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return "database.pool-limit";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.DATABASE;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "10x the pool size in concurrent requests never exceeds the pool; the excess fails within the timeout";
    }

    @Override
    public String fix() {
        return "Use the pooled mode with a bounded maximumPoolSize and a connectionTimeout; never open a connection "
                + "per request";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<DatabaseTarget> dbs = target.get(DatabaseTarget.class);
        if (dbs.isEmpty() || dbs.get().databases().isEmpty()) {
            return ProbeOutcome.notRun("no database target configured");
        }
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (DatabaseUnderTest db : dbs.get().databases()) {
            try (PoolSurface pool = db.openPool(POOL_SIZE, CONNECTION_TIMEOUT)) {
                attack(db.name(), pool, evidence, failures);
            }
        }
        String action = "sent " + 10 * POOL_SIZE + " concurrent connection-holding requests to a pool of " + POOL_SIZE
                + " (timeout " + CONNECTION_TIMEOUT.toMillis() + " ms) in " + dbs.get().databases().size()
                + " database(s)";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void attack(String name, PoolSurface pool, List<String> evidence, List<String> failures)
            throws Exception {
        int requests = 10 * POOL_SIZE;
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger maxHolding = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger slowRefusals = new AtomicInteger();
        AtomicInteger slowest = new AtomicInteger();
        // Holders keep their connection until every request beyond the pool size has been turned away, or until one
        // holder too many shows the finding.
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                all.add(threads.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        pool.holdConnection(() -> {
                            int now = holding.incrementAndGet();
                            maxHolding.accumulateAndGet(now, Math::max);
                            if (now > POOL_SIZE) {
                                release.countDown();
                            }
                            try {
                                release.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                holding.decrementAndGet();
                            }
                        });
                    } catch (RuntimeException e) {
                        int millis = (int) ((System.nanoTime() - start) / 1_000_000);
                        if (refused.incrementAndGet() >= requests - POOL_SIZE) {
                            release.countDown();
                        }
                        slowest.accumulateAndGet(millis, Math::max);
                        if (millis > CONNECTION_TIMEOUT.plus(TOLERANCE).toMillis()) {
                            slowRefusals.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(HOLD_LIMIT.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        evidence.add(name + ": at most " + maxHolding.get() + " connections held at once (pool " + POOL_SIZE + "), "
                + refused.get() + " of " + requests + " requests refused, slowest refusal " + slowest.get() + " ms");
        if (maxHolding.get() > POOL_SIZE) {
            failures.add(name + ": " + maxHolding.get() + " requests held a connection at once, above the pool size "
                    + POOL_SIZE);
        }
        if (refused.get() < requests - POOL_SIZE) {
            failures.add(name + ": only " + refused.get() + " of the " + (requests - POOL_SIZE)
                    + " excess requests were refused");
        }
        if (slowRefusals.get() > 0) {
            failures.add(name + ": " + slowRefusals.get() + " refusals took longer than the timeout plus "
                    + TOLERANCE.toMillis() + " ms");
        }
    }
}
