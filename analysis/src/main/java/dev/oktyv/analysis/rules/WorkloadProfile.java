package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.WallProfile;
import java.util.List;
import java.util.Optional;

/**
 * The profiling data of one workload (benchmark or load scenario): async-profiler collapsed stacks summed over
 * forks, the wall-clock profile reduced to waits, and the JFR recordings digested.
 */
public record WorkloadProfile(String workloadId, Optional<FrameHistogram> cpuCollapsed,
                              Optional<FrameHistogram> allocCollapsed, Optional<FrameHistogram> lockCollapsed,
                              Optional<WallProfile> wall, List<JfrDigest> jfr) {

    public WorkloadProfile {
        jfr = List.copyOf(jfr);
    }

    public WorkloadProfile(String workloadId, Optional<FrameHistogram> cpuCollapsed, Optional<FrameHistogram> allocCollapsed,
                           Optional<FrameHistogram> lockCollapsed, List<JfrDigest> jfr) {
        this(workloadId, cpuCollapsed, allocCollapsed, lockCollapsed, Optional.empty(), jfr);
    }

    /** CPU samples: async-profiler's when captured (lower overhead, no safepoint bias), else JFR's execution samples. */
    public Optional<FrameHistogram> cpu() {
        return cpuCollapsed.isPresent() ? cpuCollapsed : jfr.stream().flatMap(j -> j.cpu().stream()).findFirst();
    }

    public Optional<FrameHistogram> allocation() {
        return allocCollapsed.isPresent() ? allocCollapsed : jfr.stream().flatMap(j -> j.allocation().stream()).findFirst();
    }
}
