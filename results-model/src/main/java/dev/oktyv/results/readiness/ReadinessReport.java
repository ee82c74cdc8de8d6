package dev.oktyv.results.readiness;

import dev.oktyv.results.load.StressResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict over the five phases ({@code production-hardening-results.json}).
 *
 * <p>Every phase appears, in {@link Phase} order. A phase the user left out with {@code --phases} is NOT_RUN
 * ("excluded with --phases") and does not count: the user asked for a verdict over the others. A selected phase
 * that could not run (no time under {@code --quick}, nothing to measure) is NOT_RUN too, but makes the verdict
 * NOT READY: readiness is a claim that needs evidence, and a phase with no evidence cannot support it. The
 * alternative (ignoring every NOT_RUN phase) would let a run in which nothing could be measured say READY.
 *
 * @param selected the phases the user asked for
 * @param plugins  the user's checks that ran beside the built-in ones, in discovery order
 * @param stress   the load phase's stress steps and highest passing step, or empty when they did not run
 * @param performance what the performance phase ran and found beyond its criterion, when it ran JMH
 */
public record ReadinessReport(int formatVersion, Instant startedAt, Duration elapsed, boolean quick,
                              Criteria criteria, Set<Phase> selected, List<PhaseResult> phases,
                              List<PluginRef> plugins, Optional<StressResult> stress,
                              Optional<PerformanceEvidence> performance) {

    public static final int FORMAT_VERSION = 1;
    public static final String EXCLUDED = "excluded with --phases";

    public ReadinessReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(criteria, "criteria");
        selected = selected.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(selected));
        phases = List.copyOf(phases);
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(stress, "stress");
        Objects.requireNonNull(performance, "performance");
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("readiness formatVersion must be " + FORMAT_VERSION + ", was "
                    + formatVersion);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("a readiness report needs at least one selected phase");
        }
        List<Phase> order = phases.stream().map(PhaseResult::phase).toList();
        if (!order.equals(List.of(Phase.values()))) {
            throw new IllegalArgumentException("phases must be every phase once, in order; was " + order);
        }
    }

    /** Builds the report from the selected phases' results, adding the excluded phases as NOT_RUN. */
    public static ReadinessReport of(Instant startedAt, Duration elapsed, boolean quick, Criteria criteria,
                                     Set<Phase> selected, List<PhaseResult> results) {
        List<PhaseResult> all = new ArrayList<>();
        for (Phase p : Phase.values()) {
            PhaseResult r = results.stream().filter(x -> x.phase() == p).findFirst().orElse(null);
            if (!selected.contains(p)) {
                if (r != null) {
                    throw new IllegalArgumentException("phase " + p.wireName() + " has a result but was not selected");
                }
                r = PhaseResult.notRun(p, EXCLUDED);
            } else if (r == null) {
                throw new IllegalArgumentException("selected phase " + p.wireName() + " has no result");
            }
            all.add(r);
        }
        return new ReadinessReport(FORMAT_VERSION, startedAt, elapsed, quick, criteria, selected, all, List.of(),
                Optional.empty(), Optional.empty());
    }

    /** This report, listing the plug-ins that ran. */
    public ReadinessReport withPlugins(List<PluginRef> refs) {
        return new ReadinessReport(formatVersion, startedAt, elapsed, quick, criteria, selected, phases, refs, stress,
                performance);
    }

    /** This report, with the load phase's stress steps. */
    public ReadinessReport withStress(Optional<StressResult> steps) {
        return new ReadinessReport(formatVersion, startedAt, elapsed, quick, criteria, selected, phases, plugins,
                steps, performance);
    }

    /** This report, with the performance phase's evidence. */
    public ReadinessReport withPerformance(Optional<PerformanceEvidence> evidence) {
        return new ReadinessReport(formatVersion, startedAt, elapsed, quick, criteria, selected, phases, plugins,
                stress, evidence);
    }

    /** READY only when every selected phase is READY. */
    public boolean ready() {
        return phases.stream().filter(p -> selected.contains(p.phase()))
                .allMatch(p -> p.status() == PhaseStatus.READY);
    }

    /** The selected phases that are not READY (NOT_READY first, then NOT_RUN), for the console's "failing first". */
    public List<PhaseResult> blocking() {
        List<PhaseResult> out = new ArrayList<>();
        phases.stream().filter(p -> selected.contains(p.phase()) && p.status() == PhaseStatus.NOT_READY)
                .forEach(out::add);
        phases.stream().filter(p -> selected.contains(p.phase()) && p.status() == PhaseStatus.NOT_RUN)
                .forEach(out::add);
        return out;
    }
}
