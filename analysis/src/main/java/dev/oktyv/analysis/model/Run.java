package dev.oktyv.analysis.model;

import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run folder as analysis sees it: metadata (absent when {@code run.json} is missing, e.g. a bare jmh.json
 * given by path) and the JMH results.
 */
public record Run(RunFolder folder, Optional<RunMetadata> metadata, List<BenchmarkResult> results) {

    public Run {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(metadata, "metadata");
        results = List.copyOf(results);
    }

    public String name() {
        return folder.id().value();
    }

    public Map<BenchmarkId, BenchmarkResult> byId() {
        return results.stream().collect(Collectors.toMap(BenchmarkResult::id, Function.identity(), (a, b) -> b,
                java.util.TreeMap::new));
    }
}
