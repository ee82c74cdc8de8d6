package dev.oktyv.bench.run;

import dev.oktyv.bench.duration.Durations;
import dev.oktyv.bench.catalog.BenchmarkInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Builds JMH {@link Options} for exactly one benchmark. Precedence per iteration setting: an explicit command-line
 * value; else the preset's value, unless the benchmark pins the setting by annotation and the preset respects
 * annotations; else nothing, so JMH applies the annotation or its own default.
 */
public final class JmhOptionsFactory {

    private JmhOptionsFactory() {
    }

    public static Options forBenchmark(RunOptions o, BenchmarkInfo b, VerboseMode verbosity) {
        return builder(o, b, verbosity).build();
    }

    /** The options of {@link #forBenchmark} still open, for what needs the run folder (profiling). */
    public static ChainedOptionsBuilder builder(RunOptions o, BenchmarkInfo b, VerboseMode verbosity) {
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                // Anchored and quoted: "Foo.get" must not also run "Foo.getAll".
                .include("^" + Pattern.quote(b.name()) + "$")
                .shouldFailOnError(o.failOnError())
                .verbosity(verbosity);
        Optional<IterationPlan> preset = o.preset().plan();
        boolean override = o.preset().overridesAnnotations();
        var pinned = b.annotated();
        intSetting(o.forks(), preset.map(IterationPlan::forks), override || !pinned.forks()).ifPresent(jmh::forks);
        intSetting(o.warmupIterations(), preset.map(IterationPlan::warmupIterations),
                override || !pinned.warmupIterations()).ifPresent(jmh::warmupIterations);
        intSetting(o.iterations(), preset.map(IterationPlan::measurementIterations),
                override || !pinned.measurementIterations()).ifPresent(jmh::measurementIterations);
        timeSetting(o.warmupTime(), preset, IterationPlan::warmupTime, override || !pinned.warmupTime())
                .ifPresent(d -> jmh.warmupTime(Durations.toTimeValue(d)));
        timeSetting(o.measurementTime(), preset, IterationPlan::measurementTime, override || !pinned.measurementTime())
                .ifPresent(d -> jmh.measurementTime(Durations.toTimeValue(d)));
        o.threads().ifPresent(jmh::threads);
        for (Mode m : o.modes()) {
            jmh.mode(m);
        }
        o.timeUnit().ifPresent(jmh::timeUnit);
        o.params().forEach((name, values) -> {
            if (b.params().containsKey(name)) {
                jmh.param(name, values.toArray(String[]::new));
            }
        });
        for (ProfilerSpec p : o.profilers()) {
            if (p.options().isPresent()) {
                jmh.addProfiler(p.name(), p.options().get());
            } else {
                jmh.addProfiler(p.name());
            }
        }
        if (!o.jvmArgs().isEmpty()) {
            // Appended, so a benchmark's own @Fork(jvmArgs) (e.g. its heap size) stays in place.
            jmh.jvmArgsAppend(o.jvmArgs().toArray(String[]::new));
        }
        applyExtras(o.jmh(), jmh);
        return jmh;
    }

    private static void applyExtras(JmhExtras x, ChainedOptionsBuilder jmh) {
        x.timeout().ifPresent(d -> jmh.timeout(Durations.toTimeValue(d)));
        x.batchSize().ifPresent(jmh::measurementBatchSize);
        x.warmupBatchSize().ifPresent(jmh::warmupBatchSize);
        x.opsPerInvocation().ifPresent(jmh::operationsPerInvocation);
        x.syncIterations().ifPresent(jmh::syncIterations);
        x.gcEachIteration().ifPresent(jmh::shouldDoGC);
        x.jvm().ifPresent(jmh::jvm);
        x.jvmArgs().ifPresent(a -> jmh.jvmArgs(a.toArray(String[]::new)));
        x.jvmArgsPrepend().ifPresent(a -> jmh.jvmArgsPrepend(a.toArray(String[]::new)));
        x.warmupMode().ifPresent(jmh::warmupMode);
        x.warmupForks().ifPresent(jmh::warmupForks);
        x.warmupIncludes().forEach(jmh::includeWarmup);
        if (!x.threadGroups().isEmpty()) {
            jmh.threadGroups(x.threadGroups().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static Optional<Integer> intSetting(OptionalInt explicit, Optional<Integer> preset, boolean usePreset) {
        if (explicit.isPresent()) {
            return Optional.of(explicit.getAsInt());
        }
        return usePreset ? preset : Optional.empty();
    }

    private static Optional<Duration> timeSetting(Optional<Duration> explicit, Optional<IterationPlan> preset,
                                                  Function<IterationPlan, Duration> field, boolean usePreset) {
        if (explicit.isPresent()) {
            return explicit;
        }
        return usePreset ? preset.map(field) : Optional.empty();
    }

    /** The {@code -p} names that no selected benchmark declares as {@code @Param}: a typo, rejected before running. */
    public static List<String> unknownParams(RunOptions o, List<BenchmarkInfo> selected) {
        return o.params().keySet().stream()
                .filter(name -> selected.stream().noneMatch(b -> b.params().containsKey(name)))
                .toList();
    }
}
