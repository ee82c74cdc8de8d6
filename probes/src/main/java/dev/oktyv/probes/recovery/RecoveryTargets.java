package dev.oktyv.probes.recovery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the probes break: an immutable typed registry. Each probe family defines its target interface in its own
 * sub-package (e.g. {@code api.ApiTarget}, {@code database.DatabaseTarget}); the command registers the real
 * engines, a test registers a weakened one built through the engines' extension points.
 */
public final class RecoveryTargets {

    private final Map<Class<?>, Object> targets;
    private final Path scratchDir;

    private RecoveryTargets(Builder b) {
        this.targets = Map.copyOf(b.targets);
        this.scratchDir = b.scratchDir;
    }

    /** The target registered under {@code type}, or empty when none is configured. */
    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(targets.get(type)));
    }

    /** A directory the probes may write into; the caller creates and deletes it. */
    public Path scratchDir() {
        return scratchDir;
    }

    public static Builder builder(Path scratchDir) {
        return new Builder(scratchDir);
    }

    public static final class Builder {
        private final Map<Class<?>, Object> targets = new LinkedHashMap<>();
        private final Path scratchDir;

        private Builder(Path scratchDir) {
            this.scratchDir = Objects.requireNonNull(scratchDir, "scratchDir");
        }

        public <T> Builder with(Class<T> type, T value) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "target of type " + type.getName());
            targets.put(type, value);
            return this;
        }

        public RecoveryTargets build() {
            return new RecoveryTargets(this);
        }
    }
}
