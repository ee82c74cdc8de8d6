package dev.oktyv.system.service;

import dev.oktyv.system.time.NanoClock;
import java.util.concurrent.Executor;

/**
 * Remembers when the JDK server's dispatcher handed an exchange to the worker pool, so that request timing
 * includes the wait for a free worker. Under load that queue wait is most of the latency, and a timer started
 * in the handler would not see it.
 */
final class DispatchTime {

    private static final ThreadLocal<long[]> DISPATCHED_AT = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE});

    private DispatchTime() {
    }

    /** Wraps the pool: each task carries its dispatch time and exposes it to the handler on the worker thread. */
    static Executor stamping(Executor workers, NanoClock clock) {
        return task -> {
            long at = clock.nanoTime();
            workers.execute(() -> {
                long[] slot = DISPATCHED_AT.get();
                slot[0] = at;
                try {
                    task.run();
                } finally {
                    slot[0] = Long.MIN_VALUE;
                }
            });
        };
    }

    /** The dispatch time of the exchange running on this thread, or {@code fallback} outside a stamped task. */
    static long dispatchedAtOr(long fallback) {
        long at = DISPATCHED_AT.get()[0];
        return at == Long.MIN_VALUE ? fallback : at;
    }
}
