package dev.oktyv.profiles.attach;

import dev.oktyv.results.profile.CpuEngine;
import dev.oktyv.results.profile.EventKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import one.profiler.AsyncProfilerLoader;

/**
 * Attaches async-profiler (through ap-loader's bundled {@code asprof}, which uses jattach) to another JVM for a
 * fixed duration and records a JFR file — what an on-call engineer does against a production process.
 */
public final class AttachProfiler {

    /** What ran: the cpu engine (null unless the event is cpu) and any fallback warning. */
    public record Result(Path jfr, CpuEngine engine, List<String> warnings) {
    }

    private AttachProfiler() {
    }

    /**
     * Blocks for {@code duration} while the target runs.
     *
     * @throws IllegalArgumentException no such process, or a duration under 1 s
     * @throws IOException asprof failed (attach refused, unsupported platform); the message is asprof's own
     */
    public static Result record(long pid, EventKind event, Duration duration, Path jfrOut) throws IOException {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new IllegalArgumentException("no process with pid " + pid);
        }
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("--duration must be at least 1s, got " + duration.toMillis() + "ms");
        }
        if (!AsyncProfilerLoader.isSupported()) {
            throw new IOException("async-profiler has no build for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + "; attach is not available here (record with JFR: jcmd "
                    + pid + " JFR.start settings=profile)");
        }
        List<String> warnings = new ArrayList<>();
        String seconds = Long.toString(duration.toSeconds());
        String file = jfrOut.toAbsolutePath().toString();
        if (event != EventKind.CPU) {
            exec("-d", seconds, "-e", asyncEvent(event), "-f", file, Long.toString(pid));
            return new Result(jfrOut, null, warnings);
        }
        IOException last = null;
        for (CpuEngine e : CpuEngine.values()) {
            try {
                exec("-d", seconds, "-e", e.asyncEvent(), "-i", "10ms", "-f", file, Long.toString(pid));
                if (e != CpuEngine.PERF) {
                    warnings.add("perf_events unavailable; sampled cpu with " + e.id());
                }
                return new Result(jfrOut, e, warnings);
            } catch (IOException ex) {
                if (!ex.getMessage().contains("exit code 200") && !ex.getMessage().contains("perf")) {
                    throw ex; // not an engine problem (no such process, attach refused): no point retrying
                }
                last = ex;
            }
        }
        throw last;
    }

    private static String asyncEvent(EventKind e) {
        return switch (e) {
            case ALLOC -> "alloc";
            case LOCK -> "lock";
            case WALL -> "wall";
            case CPU -> "cpu";
        };
    }

    private static void exec(String... args) throws IOException {
        try {
            AsyncProfilerLoader.executeProfiler(args);
        } catch (IOException e) {
            throw new IOException(oneLine(e.getMessage()), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "asprof failed" : s.replace('\n', ' ').trim();
    }
}
