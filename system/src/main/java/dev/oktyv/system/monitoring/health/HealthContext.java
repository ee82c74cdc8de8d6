package dev.oktyv.system.monitoring.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HealthCheckProvider}s may check, by type: the service puts in what it runs with (a database, a
 * vault, ...) and each provider takes the one it knows. Typed lookups keep this package free of the engines.
 */
public final class HealthContext {

    private final Map<Class<?>, Object> dependencies;

    private HealthContext(Map<Class<?>, Object> dependencies) {
        this.dependencies = Map.copyOf(dependencies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(dependencies.get(type)).map(type::cast);
    }

    public static final class Builder {
        private final Map<Class<?>, Object> dependencies = new LinkedHashMap<>();

        public <T> Builder with(Class<T> type, T dependency) {
            Objects.requireNonNull(type, "type");
            if (dependencies.putIfAbsent(type, Objects.requireNonNull(dependency, "dependency")) != null) {
                throw new IllegalArgumentException("health context already has a " + type.getSimpleName());
            }
            return this;
        }

        public HealthContext build() {
            return new HealthContext(dependencies);
        }
    }
}
