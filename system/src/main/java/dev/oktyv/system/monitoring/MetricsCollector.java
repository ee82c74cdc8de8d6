package dev.oktyv.system.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters and tracked values (latencies, sizes) from many threads, with bounded memory.
 *
 * <p>Unlike the seed's MetricsSystem, which kept every sample in an array and sorted it for each percentile, each
 * tracked series is an HdrHistogram {@link org.HdrHistogram.Recorder} of fixed size (see {@link MetricsOptions} for
 * the unit and precision rules). There is no global lock: series live in {@link ConcurrentHashMap}s, writers are
 * wait-free, and each series synchronises only its own readers.
 *
 * <p>A metric name has one kind: tracking a name that is already a counter (or the reverse) is refused, because
 * the exposition formats describe one type per name.
 */
public final class MetricsCollector {

    private enum Kind { COUNTER, HISTOGRAM }

    private final MetricsOptions options;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Map<MetricKey, HistogramMetric> histograms = new ConcurrentHashMap<>();
    private final Map<MetricKey, CounterMetric> counters = new ConcurrentHashMap<>();
    // Unlabelled fast paths, so track("name", v) looks up by String without building a MetricKey per call.
    private final Map<String, HistogramMetric> histogramsByName = new ConcurrentHashMap<>();
    private final Map<String, CounterMetric> countersByName = new ConcurrentHashMap<>();

    public MetricsCollector(MetricsOptions options) {
        this.options = options;
    }

    public MetricsCollector() {
        this(MetricsOptions.DEFAULTS);
    }

    public MetricsOptions options() {
        return options;
    }

    public void track(String name, double value) {
        HistogramMetric h = histogramsByName.get(name);
        if (h == null) {
            h = histogramsByName.computeIfAbsent(name, n -> histogram(MetricKey.of(n)));
        }
        h.record(value);
    }

    public void track(String name, long value) {
        HistogramMetric h = histogramsByName.get(name);
        if (h == null) {
            h = histogramsByName.computeIfAbsent(name, n -> histogram(MetricKey.of(n)));
        }
        h.record(value);
    }

    public void increment(String name) {
        increment(name, 1);
    }

    public void increment(String name, long by) {
        CounterMetric c = countersByName.get(name);
        if (c == null) {
            c = countersByName.computeIfAbsent(name, n -> counter(MetricKey.of(n)));
        }
        c.increment(by);
    }

    /** The series for {@code key}, created on first use; keep the handle on hot paths. */
    public HistogramMetric histogram(MetricKey key) {
        HistogramMetric h = histograms.get(key);
        if (h != null) {
            return h;
        }
        claim(key.name(), Kind.HISTOGRAM);
        return histograms.computeIfAbsent(key, k -> new HistogramMetric(k, options));
    }

    public CounterMetric counter(MetricKey key) {
        CounterMetric c = counters.get(key);
        if (c != null) {
            return c;
        }
        claim(key.name(), Kind.COUNTER);
        return counters.computeIfAbsent(key, CounterMetric::new);
    }

    /** Since-start statistics of the unlabelled series {@code name}; {@link MetricStats#EMPTY} if never tracked. */
    public MetricStats stats(String name) {
        return stats(MetricKey.of(name), Window.SINCE_START);
    }

    public MetricStats stats(String name, Window window) {
        return stats(MetricKey.of(name), window);
    }

    public MetricStats stats(MetricKey key, Window window) {
        HistogramMetric h = histograms.get(key);
        return h == null ? MetricStats.EMPTY : h.stats(window);
    }

    /** Current value of the unlabelled counter {@code name}; 0 if never incremented (a counter starts at 0). */
    public long counterValue(String name) {
        CounterMetric c = counters.get(MetricKey.of(name));
        return c == null ? 0 : c.value();
    }

    /** The counter for {@code key} if it was ever created; reading never creates one. */
    public Optional<CounterMetric> findCounter(MetricKey key) {
        return Optional.ofNullable(counters.get(key));
    }

    /** Closes the current interval of every series: {@link Window#CURRENT_INTERVAL} starts empty again. */
    public void startNewInterval() {
        histograms.values().forEach(HistogramMetric::startNewInterval);
    }

    public MetricsSnapshot snapshot() {
        Comparator<MetricKey> order = Comparator.comparing(MetricKey::name)
                .thenComparing(k -> k.labels().toString());
        List<MetricsSnapshot.Counter> cs = new ArrayList<>();
        counters.values().forEach(c -> cs.add(new MetricsSnapshot.Counter(c.key(), c.value())));
        cs.sort(Comparator.comparing(MetricsSnapshot.Counter::key, order));
        List<MetricsSnapshot.Summary> ss = new ArrayList<>();
        histograms.values().forEach(h -> ss.add(new MetricsSnapshot.Summary(h.key(), h.stats(Window.SINCE_START))));
        ss.sort(Comparator.comparing(MetricsSnapshot.Summary::key, order));
        return new MetricsSnapshot(cs, ss);
    }

    private void claim(String name, Kind kind) {
        Kind existing = kinds.putIfAbsent(name, kind);
        if (existing != null && existing != kind) {
            throw new IllegalArgumentException("metric " + name + " is already a " + existing.name().toLowerCase(Locale.ROOT)
                    + ", cannot use it as a " + kind.name().toLowerCase(Locale.ROOT));
        }
    }
}
