package dev.oktyv.bench.run;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the iteration settings come from when the command line does not give them. Explicit {@code -f -wi -i -w
 * -r} always win over any preset.
 */
public enum Preset {

    /**
     * The suite default: 2 forks (so fork-to-fork variance is visible) of 3 × 1 s warm-up and 5 × 1 s
     * measurement, about 18 s per parameter combination. A benchmark that pins a setting with {@code @Fork},
     * {@code @Warmup} or {@code @Measurement} keeps its own value: its author knew better.
     */
    SUITE(new IterationPlan(2, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1)), false),

    /**
     * {@code --quick}, for pull-request checks: 1 fork of 1 × 1 s warm-up and 3 × 1 s measurement, about 5 s per
     * combination. It overrides benchmark annotations too, so a PR check stays bounded.
     */
    QUICK(new IterationPlan(1, 1, Duration.ofSeconds(1), 3, Duration.ofSeconds(1)), true),

    /**
     * {@code --jmh-defaults}: set nothing, so annotations and then JMH's own defaults apply (5 forks of 5 × 10 s
     * warm-up and 5 × 10 s measurement, about 8.5 min per combination).
     */
    JMH_DEFAULTS(null, false);

    private final IterationPlan plan;
    private final boolean overridesAnnotations;

    Preset(IterationPlan plan, boolean overridesAnnotations) {
        this.plan = plan;
        this.overridesAnnotations = overridesAnnotations;
    }

    public Optional<IterationPlan> plan() {
        return Optional.ofNullable(plan);
    }

    public boolean overridesAnnotations() {
        return overridesAnnotations;
    }

    public String cliName() {
        return switch (this) {
            case SUITE -> "suite default";
            case QUICK -> "--quick";
            case JMH_DEFAULTS -> "--jmh-defaults";
        };
    }
}
