package dev.oktyv.bench.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openjdk.jmh.annotations.Mode;

/**
 * One benchmark method as JMH's {@code META-INF/BenchmarkList} describes it, with every mode it declares merged
 * into one entry (JMH keeps one list line per mode).
 *
 * @param name      the fully qualified {@code package.Class.method}, JMH's "username"
 * @param modes     the declared benchmark modes
 * @param params    {@code @Param} names to their declared values, in declaration order
 * @param annotated which run settings the benchmark fixes itself with {@code @Fork}, {@code @Warmup} or
 *                  {@code @Measurement}; the suite's default preset leaves those alone
 */
public record BenchmarkInfo(String name, Set<Mode> modes, Map<String, List<String>> params,
                            AnnotatedSettings annotated) {

    public BenchmarkInfo {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("benchmark name must not be blank");
        }
        modes = Set.copyOf(modes);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(annotated, "annotated");
    }

    /** Number of {@code @Param} combinations JMH will run (1 without parameters). */
    public int paramCombinations() {
        int n = 1;
        for (List<String> values : params.values()) {
            n *= Math.max(1, values.size());
        }
        return n;
    }

    /** The settings a benchmark pins with annotations; a preset does not override what is pinned. */
    public record AnnotatedSettings(boolean forks, boolean warmupIterations, boolean warmupTime,
                                    boolean measurementIterations, boolean measurementTime) {

        public static AnnotatedSettings none() {
            return new AnnotatedSettings(false, false, false, false, false);
        }
    }
}
