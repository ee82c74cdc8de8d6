package dev.oktyv.analysis.model;

import java.util.Map;

/**
 * What the threads of one recording did, by {@link ThreadGroups thread group}: how many there were, their CPU samples,
 * their recorded waits and, for a wall-clock recording, their wall samples.
 *
 * @param waits          nanoseconds of every recorded wait event (monitor, park, Object.wait, sleep, socket and file
 *                       I/O, file force) by thread group, kind, target and waiting frame
 * @param threadsByGroup distinct threads seen in any read event
 * @param cpuSamples     execution samples by thread group
 * @param wallSamples    async-profiler wall-clock samples ({@code profiler.WallClockSample}) by thread group, kind
 *                       ({@link WaitKind#RUNNING} included) and waiting frame
 */
public record ThreadActivity(Map<WaitSite, Double> waits, Map<String, Integer> threadsByGroup,
                             Map<String, Double> cpuSamples, Map<WaitSite, Double> wallSamples) {

    /** A digest without thread information: rules fall back to whole-recording sums. */
    public static final ThreadActivity NONE = new ThreadActivity(Map.of(), Map.of(), Map.of(), Map.of());

    public ThreadActivity {
        waits = Map.copyOf(waits);
        threadsByGroup = Map.copyOf(threadsByGroup);
        cpuSamples = Map.copyOf(cpuSamples);
        wallSamples = Map.copyOf(wallSamples);
    }
}
