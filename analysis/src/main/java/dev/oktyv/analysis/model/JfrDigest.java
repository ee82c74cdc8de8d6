package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the rules need from one JFR recording, reduced in one pass so a 100 MB file is read once.
 * Durations are nanoseconds; absent data is NaN or an empty optional, never 0.
 *
 * @param durationNanos      from the first event's start to the last event's end
 * @param gcPauseCount       number of jdk.GarbageCollection events, -1 when none was recorded (GC events disabled)
 * @param exceptionsThrown   from jdk.JavaExceptionThrow (when enabled) or the growth of jdk.ExceptionStatistics; NaN
 *                           when neither was recorded
 * @param monitorBlockedNanosByClass jdk.JavaMonitorEnter time by monitor class
 * @param parkedNanosByClass jdk.ThreadPark time by parked-on class
 * @param ioNanosByTarget    jdk.FileRead/FileWrite by path, jdk.SocketRead/SocketWrite by host:port, keys prefixed
 *                           {@code file:} or {@code socket:}
 */
public record JfrDigest(Path source, double durationNanos, Optional<FrameHistogram> cpu,
                        Optional<FrameHistogram> allocation, long gcPauseCount, double gcPauseTotalNanos,
                        double gcLongestPauseNanos, double exceptionsThrown,
                        Map<String, Double> monitorBlockedNanosByClass, Optional<FrameHistogram> monitorSites,
                        Map<String, Double> parkedNanosByClass, Map<String, Double> ioNanosByTarget,
                        Map<String, Double> ioBytesByTarget) {

    public JfrDigest {
        monitorBlockedNanosByClass = Map.copyOf(monitorBlockedNanosByClass);
        parkedNanosByClass = Map.copyOf(parkedNanosByClass);
        ioNanosByTarget = Map.copyOf(ioNanosByTarget);
        ioBytesByTarget = Map.copyOf(ioBytesByTarget);
    }

    public double durationSeconds() {
        return durationNanos / 1e9;
    }
}
