package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.bench.load.stress.StressPlan;
import dev.oktyv.results.load.StressLevel;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --stress} and its steps (a picocli mixin). */
public final class StressOptions {

    @Option(names = "--stress", description = "Run stress steps and report the highest step that passes the criteria.")
    boolean stress;
    @Option(names = "--stress-by", paramLabel = "KIND", defaultValue = "concurrency",
            description = "What the steps vary: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    StressLevel.Kind stressBy;
    @Option(names = "--stress-levels", paramLabel = "L,...", defaultValue = StressPlan.DEFAULT_LEVELS,
            description = "Increasing levels: workers or arrivals per second (default ${DEFAULT-VALUE}).")
    String stressLevels;
    @Option(names = "--stress-step-duration", paramLabel = "D", defaultValue = StressPlan.DEFAULT_STEP,
            converter = DurationConverter.class, description = "How long each step runs (default ${DEFAULT-VALUE}).")
    Duration stressStep;

    /** The plan of {@code --stress}, empty without it; @throws IllegalArgumentException naming the bad value */
    Optional<StressPlan> plan(LoadModelOptions model) {
        if (!stress) {
            return Optional.empty();
        }
        if (model.shapeGiven()) {
            throw new IllegalArgumentException("--stress sets the load itself (--stress-by, --stress-levels);"
                    + " drop --rate, --stages and --concurrency");
        }
        return Optional.of(StressPlan.parse(stressBy, stressLevels, stressStep));
    }
}
