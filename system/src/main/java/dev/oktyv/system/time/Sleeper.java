package dev.oktyv.system.time;

import java.time.Duration;

/**
 * Something that waits. Engines take a {@code Sleeper} instead of calling {@link Thread#sleep} so that
 * backoff and retry schedules are tested by advancing a {@link ManualTime}, in microseconds, without flakes.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> {
        long nanos = d.toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
