package dev.oktyv.results.readiness;

import java.util.Objects;

/**
 * A user's check that ran beside the built-in ones: the verdict file lists them so a reader can tell which checks
 * the figures include, and where each came from.
 *
 * @param id        the check's own id (scenario id, probe id, health check name)
 * @param className the implementing class
 * @param source    the jar (file name) or directory whose service list named it
 */
public record PluginRef(PluginKind kind, String id, String className, String source) {

    public PluginRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
        if (id.isBlank()) {
            throw new IllegalArgumentException("plug-in " + className + " has a blank id");
        }
    }
}
