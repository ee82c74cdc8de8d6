package dev.oktyv.probes.security;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the probes attack: an immutable typed registry. Each category defines its own target interface in its own
 * sub-package (e.g. {@code vault.VaultTarget}, {@code service.ServiceTarget}); the command registers the real ones
 * built from the real engines, a test registers a weakened one built through the engines' extension points.
 */
public final class SecurityTarget {

    private final Map<Class<?>, Object> targets;
    private final Path scratchDir;
    private final Clock clock;

    private SecurityTarget(Builder b) {
        this.targets = Map.copyOf(b.targets);
        this.scratchDir = b.scratchDir;
        this.clock = b.clock;
    }

    /** The target registered under {@code type}, or empty when none is configured. */
    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(targets.get(type)));
    }

    /** A directory the probes may write into; the caller creates and deletes it. */
    public Path scratchDir() {
        return scratchDir;
    }

    public Clock clock() {
        return clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<Class<?>, Object> targets = new LinkedHashMap<>();
        private Path scratchDir;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public <T> Builder with(Class<T> type, T value) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "target of type " + type.getName());
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("target " + value.getClass().getName() + " is not a "
                        + type.getName());
            }
            targets.put(type, value);
            return this;
        }

        public Builder scratchDir(Path dir) {
            this.scratchDir = Objects.requireNonNull(dir, "scratchDir");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SecurityTarget build() {
            if (scratchDir == null) {
                throw new IllegalStateException("a security target needs a scratchDir");
            }
            return new SecurityTarget(this);
        }
    }
}
