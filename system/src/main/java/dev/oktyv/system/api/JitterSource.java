package dev.oktyv.system.api;

import java.util.SplittableRandom;

/** Uniform samples in [0, 1) for backoff jitter; injected so tests can fix the schedule. */
@FunctionalInterface
public interface JitterSource {

    double nextUnit();

    /** A reproducible source; thread-safe through a lock because SplittableRandom is not. */
    static JitterSource seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> {
            synchronized (random) {
                return random.nextDouble();
            }
        };
    }

    static JitterSource threadLocal() {
        return () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    }
}
