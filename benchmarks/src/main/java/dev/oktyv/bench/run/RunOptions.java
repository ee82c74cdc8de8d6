package dev.oktyv.bench.run;

import dev.oktyv.profiles.capture.ProfileRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Threads;

/**
 * Everything {@code run} was asked to do, validated once. Empty optionals mean "not given on the command line":
 * the {@link Preset}, then benchmark annotations, then JMH decide (see {@link JmhOptionsFactory}).
 *
 * @param includes         regexes; a benchmark runs when one is found in its name (all when empty)
 * @param excludes         regexes; a benchmark is skipped when one is found in its name
 * @param preset           where unset iteration settings come from
 * @param forks            {@code -f}
 * @param warmupIterations {@code -wi}
 * @param iterations       {@code -i}
 * @param warmupTime       {@code -w}
 * @param measurementTime  {@code -r}
 * @param threads          {@code -t}; {@link Threads#MAX} means one per CPU
 * @param modes            {@code -bm}; empty keeps each benchmark's own modes
 * @param timeUnit         {@code -tu}
 * @param params           {@code -p name=v1,v2}, in command-line order
 * @param profilers        {@code -prof}, in command-line order
 * @param jvmArgs          {@code --jvm-args}, appended to the forked JVMs' arguments
 * @param failOnError      {@code --foe}: stop at the first failing benchmark
 * @param resultsDir       root of the run folders
 * @param profile          {@code --profile}: what each benchmark's forks capture into {@code profiles/<id>/}
 * @param jmh              the other JMH options, under JMH's spellings
 */
public record RunOptions(List<String> includes, List<String> excludes, Preset preset, OptionalInt forks,
                         OptionalInt warmupIterations, OptionalInt iterations, Optional<Duration> warmupTime,
                         Optional<Duration> measurementTime, OptionalInt threads, List<Mode> modes,
                         Optional<TimeUnit> timeUnit, Map<String, List<String>> params, List<ProfilerSpec> profilers,
                         List<String> jvmArgs, boolean failOnError, Path resultsDir,
                         ProfileRequest profile, JmhExtras jmh) {

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    public RunOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(profile, "profile");
        atLeast("-f", forks, 0);
        atLeast("-wi", warmupIterations, 0);
        atLeast("-i", iterations, 1);
        warmupTime.ifPresent(d -> requirePositive("-w", d));
        measurementTime.ifPresent(d -> requirePositive("-r", d));
        if (threads.isPresent() && threads.getAsInt() != Threads.MAX && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("-t must be >= 1 or max, was " + threads.getAsInt());
        }
        modes = List.copyOf(modes);
        Objects.requireNonNull(timeUnit, "timeUnit");
        Map<String, List<String>> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, List.copyOf(v)));
        params = Collections.unmodifiableMap(p);
        profilers = List.copyOf(profilers);
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(resultsDir, "resultsDir");
        Objects.requireNonNull(jmh, "jmh");
    }

    /** Without JMH-only settings. */
    public RunOptions(List<String> includes, List<String> excludes, Preset preset, OptionalInt forks,
                      OptionalInt warmupIterations, OptionalInt iterations, Optional<Duration> warmupTime,
                      Optional<Duration> measurementTime, OptionalInt threads, List<Mode> modes,
                      Optional<TimeUnit> timeUnit, Map<String, List<String>> params, List<ProfilerSpec> profilers,
                      List<String> jvmArgs, boolean failOnError, Path resultsDir, ProfileRequest profile) {
        this(includes, excludes, preset, forks, warmupIterations, iterations, warmupTime, measurementTime, threads,
                modes, timeUnit, params, profilers, jvmArgs, failOnError, resultsDir, profile, JmhExtras.NONE);
    }

    /**
     * Parses repeated {@code -p name=v1,v2} values. A name given twice gets both lists, in order, as JMH does
     * ({@code -p a=1 -p a=2} is {@code -p a=1,2}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Map<String, List<String>> parseParams(List<String> raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : raw) {
            int eq = r.indexOf('=');
            String name = eq < 0 ? r : r.substring(0, eq);
            if (eq < 0 || !PARAM_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("-p '" + r + "' is not of the form name=value1,value2");
            }
            List<String> values = List.of(r.substring(eq + 1).split(",", -1));
            if (values.stream().anyMatch(String::isEmpty)) {
                // JMH would run an empty string as a value, which no numeric @Param takes and no one means.
                throw new IllegalArgumentException("-p '" + r + "' has an empty value");
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
        }
        return out;
    }

    /** The plan for a benchmark that pins nothing by annotation: explicit options over the preset. */
    public Optional<IterationPlan> effectivePlan() {
        return preset.plan().map(p -> new IterationPlan(forks.orElse(p.forks()),
                warmupIterations.orElse(p.warmupIterations()), warmupTime.orElse(p.warmupTime()),
                iterations.orElse(p.measurementIterations()), measurementTime.orElse(p.measurementTime())));
    }

    static void requirePositive(String field, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + " must be > 0, was "
                    + (d.isZero() ? "0" : d.toString()));
        }
    }

    static void atLeast(String field, OptionalInt value, int min) {
        Objects.requireNonNull(value, field);
        if (value.isPresent() && value.getAsInt() < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value.getAsInt());
        }
    }
}
