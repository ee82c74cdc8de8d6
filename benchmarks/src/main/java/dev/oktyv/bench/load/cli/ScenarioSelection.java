package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.FileStoreOptions;
import dev.oktyv.bench.filestore.StoreBackend;
import dev.oktyv.bench.load.scenario.CacheSetting;
import dev.oktyv.bench.load.scenario.CachedReads;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.ScenarioRegistry;
import dev.oktyv.bench.load.scenario.engine.FileReadWriteScenario;
import dev.oktyv.bench.load.scenario.http.ServiceFilesScenario;
import dev.oktyv.bench.load.scenario.http.ServiceScenario;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Which scenarios {@code load} runs, from its arguments: the regexes, {@code --url}, {@code --target-url}, and the
 * options that only some scenarios honour ({@code --cache}, {@code --backend}, {@code --files}). An option that no
 * selected scenario would honour is refused (IllegalArgumentException naming it), never silently ignored.
 */
final class ScenarioSelection {

    private final List<String> regexes;
    private final HttpTargetOptions http;
    private final LoadModelOptions shape;
    private final CacheSetting cache;
    private final StoreBackend backend;
    private final FileStoreOptions files;

    /** @param backend null when {@code --backend} was not given */
    ScenarioSelection(List<String> regexes, HttpTargetOptions http, LoadModelOptions shape, CacheSetting cache,
                      StoreBackend backend, FileStoreOptions files) {
        this.regexes = List.copyOf(regexes);
        this.http = http;
        this.shape = shape;
        this.cache = cache;
        this.backend = backend;
        this.files = files;
    }

    /**
     * @param serviceTarget the running service of {@code --target-url}, or null
     * @param extra         the user's scenarios (class path or {@code --plugins}), selectable beside the built-in ones
     */
    List<Scenario> select(ServiceTarget serviceTarget, List<Scenario> extra) {
        List<Scenario> selected = selectScenarios(serviceTarget, fileLocation(), extra);
        requireCacheApplies(serviceTarget, selected);
        return selected;
    }

    /** {@code --cache on} that no selected scenario would honour is a usage error, never a silent no-op. */
    private void requireCacheApplies(ServiceTarget serviceTarget, List<Scenario> scenarios) {
        if (cache != CacheSetting.ON) {
            return;
        }
        if (serviceTarget != null) {
            throw new IllegalArgumentException("--cache on applies to the service started in process, not to"
                    + " --target-url (set the running service's cache where it runs)");
        }
        if (scenarios.stream().noneMatch(s -> s instanceof CachedReads c && c.cache() == CacheSetting.ON)) {
            throw new IllegalArgumentException("--cache on applies to " + ScenarioRegistry.builtIn(null, cache).all()
                    .stream().filter(CachedReads.class::isInstance).map(Scenario::id).toList() + ", and none of "
                    + scenarios.stream().map(Scenario::id).toList() + " is one");
        }
    }

    /** {@code --backend} and {@code --files} together; a backend no selected scenario uses is refused below. */
    private FileLocation fileLocation() {
        FileLocation location = files.location();
        if (backend != null && backend != location.backend()) {
            throw new IllegalArgumentException(backend == StoreBackend.S3
                    ? "--backend s3 needs --files s3://BUCKET/PREFIX and the --s3-* options"
                    : "--backend local does not combine with --files s3://…");
        }
        return location;
    }

    /** @param extra the user's scenarios (class path or {@code --plugins}), selectable beside the built-in ones */
    private List<Scenario> selectScenarios(ServiceTarget serviceTarget, FileLocation location, List<Scenario> extra) {
        List<Scenario> all = new ArrayList<>(ScenarioRegistry.builtIn(serviceTarget, cache, location).all());
        all.addAll(extra);
        ScenarioRegistry registry = new ScenarioRegistry(all);
        List<String> byDefault = serviceTarget == null ? List.of() : List.of("^service-");
        List<Scenario> selected = new ArrayList<>(!http.given() && regexes.isEmpty() ? registry.select(byDefault)
                : regexes.isEmpty() ? List.of() : registry.select(regexes));
        http.scenario(shape.workersOrConcurrency()).ifPresent(selected::add);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no load scenario matches " + regexes + "; scenarios: "
                    + registry.all().stream().map(Scenario::id).toList() + "; use --url URL for your own service");
        }
        if (!location.equals(FileLocation.localDefault()) && selected.stream().noneMatch(
                s -> s instanceof FileReadWriteScenario || s instanceof ServiceFilesScenario)) {
            throw new IllegalArgumentException("--backend/--files apply to the files and service-files scenarios, and"
                    + " none of " + selected.stream().map(Scenario::id).toList() + " is one");
        }
        if (serviceTarget != null && selected.stream().noneMatch(s -> s instanceof ServiceScenario)) {
            throw new IllegalArgumentException("--target-url applies to the service-* scenarios only, and none of "
                    + selected.stream().map(Scenario::id).toList() + " is one");
        }
        return selected;
    }
}
