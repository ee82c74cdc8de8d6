package dev.oktyv.bench.run;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code -prof} value as JMH reads it: {@code NAME} or {@code NAME:OPTIONS}, e.g. {@code gc} or
 * {@code async:event=cpu;output=flamegraph}.
 */
public record ProfilerSpec(String name, Optional<String> options) {

    public ProfilerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        if (name.isBlank()) {
            throw new IllegalArgumentException("-prof needs a profiler name, e.g. -prof gc");
        }
    }

    public static ProfilerSpec parse(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? new ProfilerSpec(value.trim(), Optional.empty())
                : new ProfilerSpec(value.substring(0, colon).trim(), Optional.of(value.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return options.map(o -> name + ":" + o).orElse(name);
    }
}
