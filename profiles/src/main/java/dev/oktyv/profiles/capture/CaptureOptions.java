package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.CpuEngine;

import java.time.Duration;
import java.util.Objects;

/**
 * Sampling settings of one capture, with the defaults used by {@code --profile}. Validated on construction.
 *
 * @param cpuEngine       forced cpu engine, or null to use the best available (perf, then ctimer, then itimer)
 * @param cpuInterval     cpu sampling interval (default 10 ms, async-profiler's own default)
 * @param allocIntervalBytes allocation sampling interval in bytes (default 512 KiB, async-profiler's default)
 * @param lockThreshold   record lock waits at least this long (default 10 µs: short enough to see contention)
 * @param wallInterval    wall-clock sampling interval (default 20 ms)
 */
public record CaptureOptions(CpuEngine cpuEngine, Duration cpuInterval, long allocIntervalBytes,
        Duration lockThreshold, Duration wallInterval) {

    public static final CaptureOptions DEFAULTS = new CaptureOptions(null, Duration.ofMillis(10), 512 * 1024,
            Duration.ofNanos(10_000), Duration.ofMillis(20));

    public CaptureOptions {
        Objects.requireNonNull(cpuInterval, "cpuInterval");
        Objects.requireNonNull(lockThreshold, "lockThreshold");
        Objects.requireNonNull(wallInterval, "wallInterval");
        if (cpuInterval.toNanos() < 100_000) {
            throw new IllegalArgumentException("cpuInterval must be >= 100us, got " + cpuInterval);
        }
        if (wallInterval.toNanos() < 1_000_000) {
            throw new IllegalArgumentException("wallInterval must be >= 1ms, got " + wallInterval);
        }
        if (allocIntervalBytes < 1) {
            throw new IllegalArgumentException("allocIntervalBytes must be >= 1, got " + allocIntervalBytes);
        }
        if (lockThreshold.isNegative()) {
            throw new IllegalArgumentException("lockThreshold must be >= 0, got " + lockThreshold);
        }
    }

    public CaptureOptions withCpuEngine(CpuEngine engine) {
        return new CaptureOptions(engine, cpuInterval, allocIntervalBytes, lockThreshold, wallInterval);
    }

    public CaptureOptions withCpuInterval(Duration interval) {
        return new CaptureOptions(cpuEngine, interval, allocIntervalBytes, lockThreshold, wallInterval);
    }
}
