package dev.oktyv.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The machine a run was measured on. Comparisons across different hosts are flagged by analysis. */
public record HostInfo(String hostname, String os, String osVersion, String arch, String cpuModel,
                       int cores, long memoryBytes) {

    public HostInfo {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(cpuModel, "cpuModel");
        if (cores < 1 && cores != UNKNOWN_COUNT) {
            throw new IllegalArgumentException("cores must be >= 1 (or " + UNKNOWN_COUNT + ": unknown), was " + cores);
        }
    }

    /** {@code cores} and {@code memoryBytes} of a host nobody recorded (the same -1 {@link #detect} uses for memory). */
    public static final int UNKNOWN_COUNT = -1;

    /**
     * A host this suite never saw: a run imported from a JMH result made elsewhere. JMH's JSON does not record the
     * machine, and the importing machine's would be a lie.
     */
    public static HostInfo unknown() {
        return new HostInfo(GitInfo.UNKNOWN, GitInfo.UNKNOWN, GitInfo.UNKNOWN, GitInfo.UNKNOWN, GitInfo.UNKNOWN,
                UNKNOWN_COUNT, UNKNOWN_COUNT);
    }

    public static HostInfo detect() {
        return new HostInfo(detectHostname(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), detectCpuModel(), Runtime.getRuntime().availableProcessors(), detectMemoryBytes());
    }

    private static String detectHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }

    private static String detectCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
            } catch (IOException | java.io.UncheckedIOException e) {
                return "unknown";
            }
        }
        return "unknown";
    }

    /** Physical memory in bytes, or -1 when the platform does not expose it. */
    private static long detectMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return -1;
    }
}
