package dev.oktyv.analysis.history;

import dev.oktyv.analysis.compare.RunResolver;
import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds per-benchmark series over the complete runs of a store, ordered by commit date where git knows the
 * commit and by run start otherwise (ties by run start).
 */
public final class HistoryBuilder {

    private final ResultsStore store;
    private final CommitDates commitDates;
    private final ChangePointDetector detector;

    public HistoryBuilder(ResultsStore store, CommitDates commitDates, ChangePointDetector detector) {
        this.store = store;
        this.commitDates = commitDates;
        this.detector = detector;
    }

    /**
     * @param filter matched (find) against {@code fully.qualified.Benchmark.method [params] (mode)}
     * @param limit  only the newest {@code limit} runs
     */
    public List<BenchmarkHistory> build(Pattern filter, int limit) throws IOException {
        return build(filter, limit, w -> {
        });
    }

    /**
     * @param warnings told about each run folder that could not be read (damaged run.json or jmh.json): one damaged
     *                 folder among fifty must not hide the other forty-nine, nor be skipped silently
     */
    public List<BenchmarkHistory> build(Pattern filter, int limit, Consumer<String> warnings) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        record Loaded(Run run, String commit, Instant at, boolean fromCommit) {
        }
        List<Loaded> runs = new ArrayList<>();
        for (RunFolder f : new RunResolver(store).completeRuns(warnings)) {
            Run r;
            try {
                r = RunLoader.load(f);
            } catch (IOException e) {
                warnings.accept("skipped run " + f.id() + ": " + e.getMessage());
                continue;
            }
            if (r.results().isEmpty()) {
                continue;
            }
            String commit = r.metadata().map(m -> m.git().commit()).orElse(f.id().shortCommit());
            Instant started = r.metadata().map(m -> m.startedAt()).orElse(f.id().startedAt());
            var date = commitDates.of(commit);
            runs.add(new Loaded(r, commit, date.orElse(started), date.isPresent()));
        }
        runs.sort(Comparator.comparing(Loaded::at).thenComparing(l -> l.run().folder().id()));
        if (runs.size() > limit) {
            runs = new ArrayList<>(runs.subList(runs.size() - limit, runs.size()));
        }
        Map<BenchmarkId, List<HistoryPoint>> series = new TreeMap<>();
        Map<BenchmarkId, String> units = new TreeMap<>();
        // Fork means of the newest run of each series (the last one put): overwritten run by run, oldest first.
        Map<BenchmarkId, double[]> newestForks = new TreeMap<>();
        for (Loaded l : runs) {
            for (BenchmarkResult b : l.run().results()) {
                String key = b.id().benchmark() + b.id().paramsSuffix() + " (" + b.id().mode().shortName() + ")";
                if (!filter.matcher(key).find()) {
                    continue;
                }
                units.putIfAbsent(b.id(), b.primary().unit());
                newestForks.put(b.id(), b.primary().forkMeans());
                series.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(new HistoryPoint(l.run().name(),
                        l.commit().length() > 10 ? l.commit().substring(0, 10) : l.commit(), l.at(), l.fromCommit(),
                        b.primary().score(), b.primary().error()));
            }
        }
        List<BenchmarkHistory> out = new ArrayList<>();
        series.forEach((id, pts) -> {
            double[] scores = pts.stream().mapToDouble(HistoryPoint::score).toArray();
            NewestRunCheck newest = detector.newest(java.util.Arrays.copyOf(scores, scores.length - 1), newestForks.get(id));
            out.add(new BenchmarkHistory(id, units.get(id), pts, detector.detect(scores), newest));
        });
        return out;
    }
}
