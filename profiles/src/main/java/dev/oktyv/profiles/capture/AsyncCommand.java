package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.CpuEngine;

import dev.oktyv.results.profile.EventKind;
import java.nio.file.Path;
import java.util.Set;

/** Builds async-profiler's {@code start} command for a set of events recorded into one JFR file. */
final class AsyncCommand {

    private AsyncCommand() {
    }

    /**
     * One session records every requested event into one JFR file: async-profiler runs one session per JVM,
     * and only JFR output can hold several events at once. cpu uses the explicit engine event (see
     * {@link CpuEngine#asyncEvent()}); alloc, lock and wall are added as options.
     */
    static String start(Set<EventKind> events, CpuEngine engine, CaptureOptions o, Path jfrFile) {
        String file = jfrFile.toAbsolutePath().toString();
        if (file.indexOf(',') >= 0) {
            // async-profiler splits its arguments on commas; a comma in the path would truncate it silently.
            throw new IllegalArgumentException("profile output path must not contain ',': " + file);
        }
        StringBuilder sb = new StringBuilder("start");
        if (events.contains(EventKind.CPU)) {
            sb.append(",event=").append(engine.asyncEvent()).append(",interval=").append(o.cpuInterval().toNanos());
        }
        if (events.contains(EventKind.ALLOC)) {
            sb.append(",alloc=").append(o.allocIntervalBytes());
        }
        if (events.contains(EventKind.LOCK)) {
            sb.append(",lock=").append(o.lockThreshold().toNanos());
        }
        if (events.contains(EventKind.WALL)) {
            sb.append(",wall=").append(o.wallInterval().toNanos());
        }
        return sb.append(",jfr,file=").append(file).toString();
    }
}
