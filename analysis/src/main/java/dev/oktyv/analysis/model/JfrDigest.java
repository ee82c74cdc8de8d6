package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the rules need from one JFR recording, reduced in one pass so a 100 MB file is read once.
 * Durations are nanoseconds; absent data is NaN or an empty optional, never 0.
 *
 * @param durationNanos      from the first event's start to the last event's end
 * @param gcPauseCount       number of jdk.GarbageCollection events, empty when none was recorded (GC events disabled)
 * @param exceptionsThrown   from jdk.JavaExceptionThrow (when enabled) or the growth of jdk.ExceptionStatistics; NaN
 *                           when neither was recorded
 * @param monitorBlockedNanosByClass jdk.JavaMonitorEnter time by monitor class
 * @param parkedNanosByClass jdk.ThreadPark time by parked-on class
 * @param ioNanosByTarget    jdk.FileRead/FileWrite by path, jdk.SocketRead/SocketWrite by host:port
 * @param threads            what each thread group did; {@link ThreadActivity#NONE} for a digest without thread
 *                           information
 * @param enabledEvents      the event types the recording had enabled (from jdk.ActiveSetting); empty when unknown
 */
public record JfrDigest(Path source, double durationNanos, Optional<FrameHistogram> cpu,
                        Optional<FrameHistogram> allocation, OptionalLong gcPauseCount, double gcPauseTotalNanos,
                        double gcLongestPauseNanos, double exceptionsThrown,
                        Map<String, Double> monitorBlockedNanosByClass, Optional<FrameHistogram> monitorSites,
                        Map<String, Double> parkedNanosByClass, Map<IoTarget, Double> ioNanosByTarget,
                        Map<IoTarget, Double> ioBytesByTarget, ThreadActivity threads,
                        java.util.Set<String> enabledEvents) {

    public JfrDigest {
        monitorBlockedNanosByClass = Map.copyOf(monitorBlockedNanosByClass);
        parkedNanosByClass = Map.copyOf(parkedNanosByClass);
        ioNanosByTarget = Map.copyOf(ioNanosByTarget);
        ioBytesByTarget = Map.copyOf(ioBytesByTarget);
        java.util.Objects.requireNonNull(threads, "threads");
        enabledEvents = java.util.Set.copyOf(enabledEvents);
    }

    /**
     * Could the recording hold any of {@code eventTypes}? A rule whose events were not enabled has nothing to say
     * about the recording, which is not the same as finding nothing. Unknown settings count as enabled.
     */
    public boolean recorded(String... eventTypes) {
        return enabledEvents.isEmpty() || java.util.Arrays.stream(eventTypes).anyMatch(enabledEvents::contains);
    }

    /** Recorded waits by thread group, kind, target and waiting frame. */
    public Map<WaitSite, Double> waits() {
        return threads.waits();
    }

    /** Distinct threads by thread group; empty without thread information. */
    public Map<String, Integer> threadsByGroup() {
        return threads.threadsByGroup();
    }

    /** The wall-clock samples of an async-profiler recording, if it has any. */
    public Optional<WallProfile> wall() {
        return threads.wallSamples().isEmpty() ? Optional.empty()
                : Optional.of(new WallProfile(java.util.List.of(source), threads.wallSamples()));
    }

    /** A digest without per-thread information (the rules then fall back to whole-recording sums). */
    public JfrDigest(Path source, double durationNanos, Optional<FrameHistogram> cpu, Optional<FrameHistogram> allocation,
                     OptionalLong gcPauseCount, double gcPauseTotalNanos, double gcLongestPauseNanos,
                     double exceptionsThrown, Map<String, Double> monitorBlockedNanosByClass,
                     Optional<FrameHistogram> monitorSites, Map<String, Double> parkedNanosByClass,
                     Map<IoTarget, Double> ioNanosByTarget, Map<IoTarget, Double> ioBytesByTarget) {
        this(source, durationNanos, cpu, allocation, gcPauseCount, gcPauseTotalNanos, gcLongestPauseNanos, exceptionsThrown,
                monitorBlockedNanosByClass, monitorSites, parkedNanosByClass, ioNanosByTarget, ioBytesByTarget,
                ThreadActivity.NONE, java.util.Set.of());
    }

    /** Total I/O wait on targets of one kind, 0 when none of that kind was recorded. */
    public double ioNanos(IoTarget.Kind kind) {
        return ioNanosByTarget.entrySet().stream().filter(e -> e.getKey().kind() == kind)
                .mapToDouble(Map.Entry::getValue).sum();
    }

    public double durationSeconds() {
        return durationNanos / 1e9;
    }
}
