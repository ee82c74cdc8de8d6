package dev.oktyv.system.monitoring.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * One health check as a plug-in: a small class with a public no-argument constructor, listed in
 * {@code META-INF/services/dev.oktyv.system.monitoring.health.HealthCheckProvider}. It looks in the
 * {@link HealthContext} for the dependency it checks and builds its {@link CheckRegistration}, or returns empty
 * when that dependency is not configured (an unconfigured dependency is not checked, rather than reported UP).
 * A user adds a check of their own by putting a jar with such a class on the class path or in {@code --plugins DIR}
 * (a check that needs none of the engines ignores the context).
 */
public interface HealthCheckProvider {

    /** The name {@code /health} lists its check under; unique among the service's checks. */
    String name();

    /** Its check, named {@link #name()}, or empty when the dependency it checks is not in {@code context}. */
    Optional<CheckRegistration> create(HealthContext context);

    /** Every provider on {@code loader}'s class path, asked for its check against {@code context}. */
    static List<CheckRegistration> discover(HealthContext context, ClassLoader loader) {
        List<CheckRegistration> out = new ArrayList<>();
        for (HealthCheckProvider p : ServiceLoader.load(HealthCheckProvider.class, loader)) {
            p.create(context).ifPresent(out::add);
        }
        return out;
    }
}
