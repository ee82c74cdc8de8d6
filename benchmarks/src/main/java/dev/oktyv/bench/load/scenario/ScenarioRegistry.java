package dev.oktyv.bench.load.scenario;

import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.load.scenario.engine.ApiGetScenario;
import dev.oktyv.bench.load.scenario.engine.DatabaseQueryScenario;
import dev.oktyv.bench.load.scenario.engine.EmailSendScenario;
import dev.oktyv.bench.load.scenario.engine.FileReadWriteScenario;
import dev.oktyv.bench.load.scenario.engine.VaultSetGetScenario;
import dev.oktyv.bench.load.scenario.http.ServiceDatabaseScenario;
import dev.oktyv.bench.load.scenario.http.ServiceEmailScenario;
import dev.oktyv.bench.load.scenario.http.ServiceFilesScenario;
import dev.oktyv.bench.load.scenario.http.ServiceHealthScenario;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.bench.load.scenario.http.ServiceVaultScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in scenarios, with the seed's concurrency as their defaults: the engines in process, then the same
 * operations over real sockets against the Oktyv service ({@code service-*}). The generic HTTP target is built
 * from {@code --url} instead, because it needs the user's request.
 */
public final class ScenarioRegistry {

    private final List<Scenario> scenarios;

    public ScenarioRegistry(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    public static ScenarioRegistry builtIn() {
        return builtIn(null);
    }

    /**
     * The built-in scenarios, the {@code service-*} ones against {@code serviceTarget} ({@code --target-url}) instead
     * of a service they start in process; null starts it in process.
     */
    public static ScenarioRegistry builtIn(ServiceTarget serviceTarget) {
        return builtIn(serviceTarget, CacheSetting.OFF);
    }

    /** As {@link #builtIn(ServiceTarget)}, with {@code cache} ({@code --cache}) for the {@link CachedReads} ones. */
    public static ScenarioRegistry builtIn(ServiceTarget serviceTarget, CacheSetting cache) {
        return builtIn(serviceTarget, cache, FileLocation.localDefault());
    }

    /** As {@link #builtIn(ServiceTarget, CacheSetting)}, with the file scenarios on {@code files} ({@code --backend}). */
    public static ScenarioRegistry builtIn(ServiceTarget serviceTarget, CacheSetting cache, FileLocation files) {
        return new ScenarioRegistry(List.of(
                new VaultSetGetScenario(),
                new DatabaseQueryScenario(cache),
                new FileReadWriteScenario(files),
                new EmailSendScenario(),
                new ApiGetScenario(),
                new ServiceVaultScenario(serviceTarget),
                new ServiceDatabaseScenario(serviceTarget, serviceTarget == null ? cache : CacheSetting.OFF),
                new ServiceFilesScenario(serviceTarget, files),
                new ServiceEmailScenario(serviceTarget),
                new ServiceHealthScenario(serviceTarget)));
    }

    public List<Scenario> all() {
        return scenarios;
    }

    /** Scenarios whose id matches any of the regexes (find, not full match, like JMH); all when none given. */
    public List<Scenario> select(List<String> regexes) {
        if (regexes.isEmpty()) {
            return scenarios;
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String r : regexes) {
            try {
                patterns.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + r + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return scenarios.stream().filter(s -> patterns.stream().anyMatch(p -> p.matcher(s.id()).find())).toList();
    }
}
