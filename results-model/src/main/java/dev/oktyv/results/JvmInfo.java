package dev.oktyv.results;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;

/** The JVM that ran the suite (benchmark forks may add their own flags; JMH records those per benchmark). */
public record JvmInfo(String vendor, String version, String vmName, String javaHome, List<String> flags) {

    public JvmInfo {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(javaHome, "javaHome");
        flags = List.copyOf(flags);
    }

    public static JvmInfo detect() {
        return new JvmInfo(System.getProperty("java.vendor"), System.getProperty("java.runtime.version",
                System.getProperty("java.version")), System.getProperty("java.vm.name"),
                System.getProperty("java.home"), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
