package dev.oktyv.results.load;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stress run ({@code load/<scenario-id>/stress.json}): the same scenario at increasing load levels, each step
 * with its own {@code step-NN-<level>/summary.json}. Its result is the highest passing step: the highest step
 * reached before the first step that failed its criteria, i.e. the maximum sustainable load; absent when even the
 * first step failed. (The file calls it {@code knee}, a name kept for format compatibility; what users see says
 * "highest passing step", because {@code analyze}'s latency knee is another thing: the first p99 jump.)
 */
public record StressResult(int formatVersion, String scenarioId, StressLevel.Kind levelKind, double stepSeconds,
                           List<String> criteria, List<Step> steps) {

    public static final int FORMAT_VERSION = 1;

    public StressResult {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(levelKind, "levelKind");
        criteria = List.copyOf(criteria);
        steps = List.copyOf(steps);
    }

    /** Index into {@link #steps} of the highest passing step (the file's {@code knee}). */
    public OptionalInt highestPassingIndex() {
        int knee = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).passed()) {
                break;
            }
            knee = i;
        }
        return knee < 0 ? OptionalInt.empty() : OptionalInt.of(knee);
    }

    /**
     * One load level. {@code level} is workers or arrivals per second; {@code folder} the step's sub-folder name.
     */
    public record Step(String folder, double level, double achievedPerSecond, double p99Micros, double errorRate,
                       long dropped, boolean passed) {
        public Step {
            Objects.requireNonNull(folder, "folder");
        }
    }
}
