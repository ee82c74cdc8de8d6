package dev.oktyv.system.batch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link BatchTimer} on a {@link ScheduledExecutorService} the caller owns (and shuts down). */
public final class ScheduledBatchTimer implements BatchTimer {

    private final ScheduledExecutorService executor;

    public ScheduledBatchTimer(ScheduledExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }
}
