package dev.oktyv.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The machine a run was measured on. Comparisons across different hosts are flagged by analysis. What the platform
 * does not tell is empty, never a made-up value; {@code run.json} spells it "unknown" and -1 (see
 * {@link RunMetadataJson}).
 */
public record HostInfo(Optional<String> hostname, String os, String osVersion, String arch, Optional<String> cpuModel,
                       int cores, OptionalLong memoryBytes, Optional<String> hostClass) {

    /** The environment variable naming the run's host class, e.g. {@code ci-large}; see {@link HostClass}. */
    public static final String HOST_CLASS_ENV = "OKTYV_HOST_CLASS";

    /** A host with no explicit class: {@link HostClass#of} derives one from CPU model, cores and JVM. */
    public HostInfo(Optional<String> hostname, String os, String osVersion, String arch, Optional<String> cpuModel,
                    int cores, OptionalLong memoryBytes) {
        this(hostname, os, osVersion, arch, cpuModel, cores, memoryBytes, Optional.empty());
    }

    public HostInfo {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(hostClass, "hostClass");
        hostClass.ifPresent(HostClass::requireValid);
        if (cores < 1 && cores != UNKNOWN_COUNT) {
            throw new IllegalArgumentException("cores must be >= 1 (or " + UNKNOWN_COUNT + ": unknown), was " + cores);
        }
    }

    /** {@code cores} of a host nobody recorded; on disk it is the same -1 that stands for an unknown memory size. */
    public static final int UNKNOWN_COUNT = -1;

    /**
     * A host this suite never saw: a run imported from a JMH result made elsewhere. JMH's JSON does not record the
     * machine, and the importing machine's would be a lie.
     */
    public static HostInfo unknown() {
        return new HostInfo(Optional.empty(), GitInfo.UNKNOWN, GitInfo.UNKNOWN, GitInfo.UNKNOWN, Optional.empty(),
                UNKNOWN_COUNT, OptionalLong.empty());
    }

    /** This machine; its host class is {@value #HOST_CLASS_ENV} when set (CI runners name their pool there). */
    public static HostInfo detect() {
        String named = System.getenv(HOST_CLASS_ENV);
        return new HostInfo(detectHostname(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), detectCpuModel(), Runtime.getRuntime().availableProcessors(), detectMemoryBytes(),
                named == null || named.isBlank() ? Optional.empty() : Optional.of(named.strip()));
    }

    /** The same host with an explicit class ({@code --host-class}). */
    public HostInfo withHostClass(String name) {
        return new HostInfo(hostname, os, osVersion, arch, cpuModel, cores, memoryBytes, Optional.of(name));
    }

    private static Optional<String> detectHostname() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME"));
        }
    }

    private static Optional<String> detectCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst();
            } catch (IOException | java.io.UncheckedIOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Physical memory in bytes; empty when the platform does not expose it. */
    private static OptionalLong detectMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return OptionalLong.of(sun.getTotalMemorySize());
        }
        return OptionalLong.empty();
    }
}
