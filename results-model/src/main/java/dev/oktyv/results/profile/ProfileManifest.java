package dev.oktyv.results.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code profile.json}: what was captured for one workload, fork by fork. The file's format is
 * {@link #FORMAT_VERSION}; see {@link ProfileManifestJson} for the JSON shape (golden-tested).
 *
 * @param workloadId the benchmark id or load scenario id
 * @param forks      one entry per profiled fork, in fork order
 */
public record ProfileManifest(int formatVersion, String workloadId, List<ForkProfile> forks) {

    public static final int FORMAT_VERSION = 1;

    public ProfileManifest {
        Objects.requireNonNull(workloadId, "workloadId");
        forks = List.copyOf(forks);
    }

    public static ProfileManifest empty(String workloadId) {
        return new ProfileManifest(FORMAT_VERSION, workloadId, List.of());
    }

    /** A copy with {@code fork} added, replacing an earlier entry of the same fork number. */
    public ProfileManifest with(ForkProfile fork) {
        List<ForkProfile> l = new ArrayList<>();
        for (ForkProfile f : forks) {
            if (f.fork() != fork.fork()) {
                l.add(f);
            }
        }
        l.add(fork);
        l.sort(java.util.Comparator.comparingInt(ForkProfile::fork));
        return new ProfileManifest(formatVersion, workloadId, l);
    }

    /**
     * One fork's capture.
     *
     * @param requested         the {@code --profile} spec, canonical spelling
     * @param asyncEvents       async-profiler events actually captured (empty when degraded to JFR)
     * @param cpuEngine         which engine sampled cpu; empty when cpu was not captured (on disk: "not applicable:
     *                          cpu not captured")
     * @param cpuIntervalNanos  cpu sampling interval; empty when cpu was not captured (on disk: -1)
     * @param jfr               whether {@code jfr-f<fork>.jfr} was recorded with {@code oktyv.jfc}
     * @param warmupDiscarded   capture started after warm-up (JMH: at the first measurement iteration)
     * @param warmupIterations  warm-up iterations excluded (0 for a load scenario)
     * @param samples           total weight per event, in the event's unit
     * @param files             artifact file names written, relative to the workload folder
     * @param warnings          one line each: degraded platform, engine fallback, empty event...
     */
    public record ForkProfile(int fork, String requested, List<EventKind> asyncEvents, Optional<CpuEngine> cpuEngine,
            OptionalLong cpuIntervalNanos, boolean jfr, boolean warmupDiscarded, int warmupIterations,
            List<EventSamples> samples, List<String> files, List<String> warnings) {

        public ForkProfile {
            if (fork < 1) {
                throw new IllegalArgumentException("fork must be >= 1, got " + fork);
            }
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(cpuEngine, "cpuEngine");
            Objects.requireNonNull(cpuIntervalNanos, "cpuIntervalNanos");
            if (cpuEngine.isPresent() != cpuIntervalNanos.isPresent()) {
                throw new IllegalArgumentException("fork " + fork + ": cpu engine " + cpuEngine
                        + " and cpu interval " + cpuIntervalNanos + " must be both present or both empty");
            }
            if (cpuIntervalNanos.isPresent() && cpuIntervalNanos.getAsLong() <= 0) {
                throw new IllegalArgumentException("fork " + fork + ": cpu interval must be > 0 ns, got "
                        + cpuIntervalNanos.getAsLong());
            }
            asyncEvents = List.copyOf(asyncEvents);
            samples = List.copyOf(samples);
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }

        /** Whether async-profiler sampled cpu in this fork. */
        public boolean cpuCaptured() {
            return asyncEvents.contains(EventKind.CPU);
        }
    }

    /** Total weight of one event in one fork, in the event's {@link EventKind#unit()}. */
    public record EventSamples(EventKind event, long weight) {
        public EventSamples {
            Objects.requireNonNull(event, "event");
        }

        public String unit() {
            return event.unit();
        }
    }
}
