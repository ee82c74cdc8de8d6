package dev.oktyv.bench.plugin;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.ScenarioRegistry;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryRunner;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.run.ProbeCatalog;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PluginKind;
import dev.oktyv.results.readiness.PluginRef;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every check found through {@link java.util.ServiceLoader} in one class loader: the four plug-in interfaces
 * ({@link Scenario}, {@link SecurityProbe}, {@link RecoveryProbe}, {@link HealthCheckProvider}), loaded eagerly
 * before anything runs, so a plug-in that cannot load stops the command with one line naming the class and the jar
 * (exit 2) instead of failing a phase half-way through.
 *
 * @param scenarios      user scenarios (the built-in ones are constructed by {@code ScenarioRegistry})
 * @param securityProbes built-in and user security probes, in catalog order
 * @param recoveryProbes built-in and user recovery probes, in id order
 * @param healthChecks   user health checks (the built-in ones are registered by the engines)
 * @param plugins        the user's checks among them, with where each came from
 */
public record PluginSet(List<Scenario> scenarios, List<SecurityProbe> securityProbes,
                        List<RecoveryProbe> recoveryProbes, List<HealthCheckProvider> healthChecks,
                        List<PluginRef> plugins) {

    public PluginSet {
        scenarios = List.copyOf(scenarios);
        securityProbes = List.copyOf(securityProbes);
        recoveryProbes = List.copyOf(recoveryProbes);
        healthChecks = List.copyOf(healthChecks);
        plugins = List.copyOf(plugins);
    }

    /** Loads every provider visible to {@code loader}; a failure is a {@link UsageException} naming the culprit. */
    public static PluginSet discover(ClassLoader loader) {
        List<PluginRef> refs = new ArrayList<>();
        List<Scenario> scenarios = load(Scenario.class, loader, () -> providers(Scenario.class, loader));
        // A user scenario with a built-in's id would write into the same load/<id>/ folder.
        Set<String> ids = new HashSet<>();
        ScenarioRegistry.builtIn().all().forEach(s -> ids.add(s.id()));
        for (Scenario s : scenarios) {
            if (!ids.add(s.id())) {
                throw new UsageException("plug-in " + s.getClass().getName() + ": the load scenario id '" + s.id()
                        + "' is taken by a built-in scenario or another plug-in");
            }
        }
        List<SecurityProbe> security = load(SecurityProbe.class, loader, () -> ProbeCatalog.discover(loader));
        List<RecoveryProbe> recovery = load(RecoveryProbe.class, loader, () -> RecoveryRunner.discover(loader));
        // The engines' own checks are providers of the same interface: the user's are the ones not built in, and
        // their names must not clash with the engines' (both would be listed under one name in /health).
        List<HealthCheckProvider> allHealth = load(HealthCheckProvider.class, loader,
                () -> providers(HealthCheckProvider.class, loader));
        PluginSources healthSources = PluginSources.of(HealthCheckProvider.class, loader);
        Set<String> names = new HashSet<>();
        List<HealthCheckProvider> health = new ArrayList<>();
        for (HealthCheckProvider h : allHealth) {
            boolean builtIn = healthSources.of(h.getClass().getName()).map(PluginSources.Listing::builtIn)
                    .orElse(false);
            if (builtIn) {
                names.add(h.name());
            } else {
                health.add(h);
            }
        }
        for (HealthCheckProvider h : health) {
            if (h.name() == null || h.name().isBlank() || !names.add(h.name())) {
                throw new UsageException("plug-in " + h.getClass().getName() + ": health check name '" + h.name()
                        + "' is blank or taken by a built-in check or another plug-in");
            }
        }
        refs(PluginKind.LOAD_SCENARIO, Scenario.class, loader, scenarios, Scenario::id, refs);
        refs(PluginKind.SECURITY_PROBE, SecurityProbe.class, loader, security, SecurityProbe::id, refs);
        refs(PluginKind.RECOVERY_PROBE, RecoveryProbe.class, loader, recovery, RecoveryProbe::id, refs);
        refs(PluginKind.HEALTH_CHECK, HealthCheckProvider.class, loader, health, HealthCheckProvider::name, refs);
        return new PluginSet(scenarios, security, recovery, health, refs);
    }

    /** The plug-ins of the phases that ran: a scenario counts in load, a health check in monitoring, and so on. */
    public List<PluginRef> pluginsOf(Set<Phase> phases) {
        return plugins.stream().filter(p -> phases.contains(phase(p.kind()))).toList();
    }

    /** One console line per plug-in that will run, so a run's log says which of the user's checks were in it. */
    public static void announce(PrintStream console, List<PluginRef> used) {
        for (PluginRef p : used) {
            console.println("plug-in " + p.kind().wireName() + " " + p.id() + " (" + p.className() + ", from "
                    + p.source() + ")");
        }
    }

    /** {@link #announce(PrintStream, List)} for the plug-ins of {@code kind} whose ids are among {@code running}. */
    public void announce(PrintStream console, PluginKind kind, Collection<String> running) {
        announce(console, plugins.stream().filter(p -> p.kind() == kind && running.contains(p.id())).toList());
    }

    static Phase phase(PluginKind kind) {
        return switch (kind) {
            case LOAD_SCENARIO -> Phase.LOAD;
            case SECURITY_PROBE -> Phase.SECURITY;
            case RECOVERY_PROBE -> Phase.RECOVERY;
            case HEALTH_CHECK -> Phase.MONITORING;
        };
    }

    private static <T> List<T> providers(Class<T> service, ClassLoader loader) {
        List<T> out = new ArrayList<>();
        java.util.ServiceLoader.load(service, loader).forEach(out::add);
        return out;
    }

    /**
     * Runs one discovery and turns what a broken plug-in throws into one line: ServiceLoader's errors (class missing,
     * not a subtype, constructor threw), a catalog's rejection (duplicate or malformed id), or a linkage error (a
     * plug-in built against classes that are not there).
     */
    private static <T> List<T> load(Class<T> service, ClassLoader loader, Supplier<List<T>> discovery) {
        try {
            return discovery.get();
        } catch (ServiceConfigurationError | IllegalStateException | LinkageError e) {
            PluginSources sources = PluginSources.of(service, loader);
            String detail = detail(e);
            String culprit = sources.mentionedIn(detail)
                    .map(l -> "plug-in " + l.className() + " (listed in " + l.source() + ")")
                    .orElse("a " + service.getSimpleName() + " plug-in (listed in " + sources.pluginSources() + ")");
            throw new UsageException(culprit + " failed to load: " + detail, e);
        }
    }

    private static String detail(Throwable e) {
        StringBuilder b = new StringBuilder(e instanceof ServiceConfigurationError ? "" : e.getClass().getSimpleName()
                + ": ");
        b.append(e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append("; ").append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                b.append(": ").append(c.getMessage());
            }
        }
        return b.toString().lines().findFirst().orElse("");
    }

    private static <T> void refs(PluginKind kind, Class<T> service, ClassLoader loader, List<T> found,
                                 java.util.function.Function<T, String> id, List<PluginRef> out) {
        PluginSources sources = PluginSources.of(service, loader);
        for (T t : found) {
            String cls = t.getClass().getName();
            sources.of(cls).filter(l -> !l.builtIn())
                    .ifPresent(l -> out.add(new PluginRef(kind, id.apply(t), cls, l.source())));
        }
    }
}
