package dev.oktyv.profiles.jmh;

import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.results.profile.CpuEngine;
import dev.oktyv.profiles.capture.ProfileRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The init line of {@link OktyvProfiler}: {@code key=value} pairs separated by {@code ;} — {@code dir} (the run
 * folder's {@code profiles} directory, required), {@code profile} (the {@code --profile} spec, required),
 * {@code engine} ({@code auto|perf|ctimer|itimer}, default auto), {@code interval} (cpu, e.g. {@code 10ms}).
 */
public record JmhProfilerOptions(Path profilesDir, ProfileRequest request, CaptureOptions capture) {

    public JmhProfilerOptions {
        Objects.requireNonNull(profilesDir, "profilesDir");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(capture, "capture");
    }

    public static JmhProfilerOptions parse(String initLine) {
        Path dir = null;
        ProfileRequest req = null;
        CaptureOptions cap = CaptureOptions.DEFAULTS;
        for (String part : (initLine == null ? "" : initLine).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("OktyvProfiler option '" + part + "' is not key=value"
                        + " (expected dir=...;profile=cpu,jfr[;engine=auto][;interval=10ms])");
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            switch (k) {
                case "dir" -> dir = Path.of(v);
                case "profile" -> req = ProfileRequest.parse(v);
                case "engine" -> cap = cap.withCpuEngine(CpuEngine.parsePreference(v));
                case "interval" -> cap = cap.withCpuInterval(parseDuration(v));
                default -> throw new IllegalArgumentException("unknown OktyvProfiler option '" + k
                        + "' (expected dir, profile, engine, interval)");
            }
        }
        if (dir == null || req == null) {
            throw new IllegalArgumentException("OktyvProfiler needs dir=<run folder>/profiles and profile=<spec>,"
                    + " got '" + initLine + "'");
        }
        return new JmhProfilerOptions(dir, req, cap);
    }

    /** The init line that {@link #parse} reads back. */
    public String toInitLine() {
        StringBuilder sb = new StringBuilder("dir=").append(profilesDir.toAbsolutePath())
                .append(";profile=").append(request.spec());
        if (capture.cpuEngine() != null) {
            sb.append(";engine=").append(capture.cpuEngine().id());
        }
        if (!capture.cpuInterval().equals(CaptureOptions.DEFAULTS.cpuInterval())) {
            sb.append(";interval=").append(capture.cpuInterval().toNanos()).append("ns");
        }
        return sb.toString();
    }

    /** {@code 10ms}, {@code 500us}, {@code 2000000ns}, {@code 1s}. */
    static Duration parseDuration(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ns|us|ms|s)").matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad interval '" + v + "' (expected e.g. 10ms, 500us, 1s)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(n);
            case "us" -> Duration.ofNanos(n * 1000);
            case "ms" -> Duration.ofMillis(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
