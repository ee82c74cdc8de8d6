package dev.oktyv.system.batch;

import java.time.Duration;

/**
 * Schedules the maxWait flush. Production uses {@link ScheduledBatchTimer}; tests use a manual timer and fire
 * it when they choose, so the time-based path is tested without sleeping.
 */
@FunctionalInterface
public interface BatchTimer {

    /** A scheduled task that can be cancelled; cancelling one that already ran does nothing. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Duration delay, Runnable task);
}
