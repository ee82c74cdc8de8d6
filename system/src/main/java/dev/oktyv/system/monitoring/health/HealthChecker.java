package dev.oktyv.system.monitoring.health;

import dev.oktyv.system.time.NanoClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs registered checks in parallel, each under its own timeout, and aggregates them (see {@link HealthReport}).
 *
 * <p>The seed awaited every check in turn, so one hanging dependency hung the health endpoint. Here each check
 * runs on its own thread and is awaited only until its deadline; then it is cancelled and reported DOWN (timeout).
 * A check that ignores interruption would pile up a thread per run, so while a previous run of a check is still
 * going it is not started again and is reported DOWN (still running).
 */
public final class HealthChecker implements AutoCloseable {

    private final List<CheckRegistration> checks = new CopyOnWriteArrayList<>();
    // Names of checks whose code is running. Future.isDone() cannot tell: a cancelled future is "done" at once,
    // even while a check that ignores interruption keeps its thread.
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private final NanoClock nanoClock;
    private final Clock clock;

    public HealthChecker(NanoClock nanoClock, Clock clock) {
        this.nanoClock = nanoClock;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        // Unbounded on purpose: a bounded pool would let hanging checks starve healthy ones; STILL_RUNNING bounds it.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "oktyv-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public HealthChecker() {
        this(NanoClock.SYSTEM, Clock.systemUTC());
    }

    public HealthChecker register(String name, Duration timeout, boolean critical, HealthCheck check) {
        return register(new CheckRegistration(name, timeout, critical, check));
    }

    public HealthChecker register(CheckRegistration reg) {
        String name = reg.name();
        for (CheckRegistration existing : checks) {
            if (existing.name().equals(name)) {
                throw new IllegalArgumentException("health check " + name + " is already registered");
            }
        }
        checks.add(reg);
        return this;
    }

    public HealthReport run() {
        List<CheckRegistration> regs = List.copyOf(checks);
        long start = nanoClock.nanoTime();
        List<Submission> futures = new ArrayList<>(regs.size());
        for (CheckRegistration reg : regs) {
            if (!running.add(reg.name())) {
                futures.add(null);
            } else {
                AtomicBoolean started = new AtomicBoolean();
                futures.add(new Submission(started, executor.submit(() -> timed(reg, started))));
            }
        }
        List<CheckResult> results = new ArrayList<>(regs.size());
        for (int i = 0; i < regs.size(); i++) {
            results.add(await(regs.get(i), futures.get(i), start));
        }
        return HealthReport.of(results, clock.instant());
    }

    /** What a check did, timed on its own thread so a slow neighbour does not inflate its duration. */
    private record Outcome(HealthStatus status, long nanos, Throwable error) {
    }

    /** A submitted check, and whether its code began (a future cancelled before that never runs it). */
    private record Submission(AtomicBoolean started, Future<Outcome> future) {
        void cancel(boolean interrupt) {
            future.cancel(interrupt);
        }
    }

    private Outcome timed(CheckRegistration reg, AtomicBoolean started) {
        started.set(true);
        long t0 = nanoClock.nanoTime();
        try {
            HealthStatus s = reg.check().check();
            return new Outcome(s, nanoClock.nanoTime() - t0, null);
        } catch (Exception e) {
            return new Outcome(null, nanoClock.nanoTime() - t0, e);
        } finally {
            running.remove(reg.name());
        }
    }

    private CheckResult await(CheckRegistration reg, Submission future, long start) {
        if (future == null) {
            return failed(reg, Duration.ZERO, CheckResult.FailureKind.STILL_RUNNING,
                    "previous run has not finished; not started again");
        }
        long remaining = reg.timeout().toNanos() - (nanoClock.nanoTime() - start);
        try {
            Outcome o = future.future().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            Duration took = Duration.ofNanos(o.nanos());
            if (o.error() != null) {
                Throwable cause = o.error();
                String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                return failed(reg, took, CheckResult.FailureKind.EXCEPTION, msg);
            }
            if (o.status() == null) {
                return failed(reg, took, CheckResult.FailureKind.EXCEPTION, "check returned no status");
            }
            return new CheckResult(reg.name(), o.status(), reg.critical(), took, Optional.empty(), Optional.empty());
        } catch (TimeoutException e) {
            abandon(reg, future);
            return failed(reg, elapsed(start), CheckResult.FailureKind.TIMEOUT, "timed out after " + reg.timeout());
        } catch (ExecutionException | CancellationException e) {
            return failed(reg, elapsed(start), CheckResult.FailureKind.EXCEPTION, "check did not complete: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(reg, future);
            return failed(reg, elapsed(start), CheckResult.FailureKind.EXCEPTION, "health run interrupted");
        }
    }

    private void abandon(CheckRegistration reg, Submission submission) {
        submission.cancel(true);
        if (!submission.started().get()) {
            running.remove(reg.name()); // cancelled before it ran: its finally will never clear the mark
        }
    }

    private static CheckResult failed(CheckRegistration reg, Duration d, CheckResult.FailureKind kind, String msg) {
        return new CheckResult(reg.name(), HealthStatus.DOWN, reg.critical(), d, Optional.of(kind), Optional.of(msg));
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(nanoClock.nanoTime() - start);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
