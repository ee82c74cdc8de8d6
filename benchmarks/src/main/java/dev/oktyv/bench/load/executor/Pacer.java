package dev.oktyv.bench.load.executor;

import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A time source plus a way to wait for a point on it. Tests pass {@code ManualTime} and never really wait. */
public interface Pacer extends NanoClock {

    /** Returns once {@link #nanoTime()} has reached {@code deadline}. */
    void awaitNanoTime(long deadline) throws InterruptedException;

    /**
     * The real clock. {@code parkNanos} rather than {@code Thread.sleep}: on JDK 17 {@code sleep(0, nanos)} rounds up
     * to a whole millisecond, which would make every schedule above 1000/s late by design.
     */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void awaitNanoTime(long deadline) throws InterruptedException {
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the next scheduled start");
                }
            }
        }
    };

    static Pacer of(NanoClock clock, Sleeper sleeper) {
        return new Pacer() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public void awaitNanoTime(long deadline) throws InterruptedException {
                long remaining;
                while ((remaining = deadline - clock.nanoTime()) > 0) {
                    sleeper.sleep(Duration.ofNanos(remaining));
                }
            }
        };
    }
}
