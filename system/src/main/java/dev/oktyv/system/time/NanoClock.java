package dev.oktyv.system.time;

/**
 * A monotonic nanosecond source, for elapsed times and rates. {@link java.time.Clock} is for wall time
 * (expiry instants, timestamps); this is for durations, where wall-clock jumps would corrupt the result.
 */
@FunctionalInterface
public interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
