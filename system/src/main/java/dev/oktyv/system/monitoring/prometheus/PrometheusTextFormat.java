package dev.oktyv.system.monitoring.prometheus;

import dev.oktyv.system.monitoring.Label;
import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricStats;
import dev.oktyv.system.monitoring.MetricsSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link MetricsSnapshot} in the Prometheus text exposition format, version 0.0.4.
 *
 * <ul>
 *   <li>Counters: {@code # TYPE name counter} and one sample per label set, value as an integer.</li>
 *   <li>Tracked values: {@code # TYPE name summary} with {@code quantile} 0.5, 0.95, 0.99, 0.999, then
 *       {@code name_sum} and {@code name_count}. All cover the time since start, so {@code _sum} and
 *       {@code _count} are monotonic; quantiles of an empty series are NaN, its sum and count 0.</li>
 *   <li>Label names that collide after sanitising, or a user label called {@code quantile} on a summary, get
 *       {@code _} appended so every sample stays valid.</li>
 *   <li>Names are sanitised ({@link PrometheusNames}). When two names sanitise to the same family the first
 *       (in name order) wins and the other is left out with a {@code #} comment, instead of writing an
 *       exposition that a scraper rejects for a duplicate TYPE line.</li>
 * </ul>
 */
public final class PrometheusTextFormat {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final double[] QUANTILES = {0.5, 0.95, 0.99, 0.999};

    private PrometheusTextFormat() {
    }

    public static String write(MetricsSnapshot snapshot) {
        StringBuilder out = new StringBuilder(4096);
        Set<String> families = new HashSet<>();
        for (Map.Entry<String, List<MetricsSnapshot.Counter>> family : groupCounters(snapshot).entrySet()) {
            String name = PrometheusNames.metricName(family.getKey());
            if (!families.add(name)) {
                out.append("# oktyv: counter ").append(PrometheusNames.helpText(family.getKey()))
                        .append(" left out, its name collides with ").append(name).append('\n');
                continue;
            }
            out.append("# TYPE ").append(name).append(" counter\n");
            for (MetricsSnapshot.Counter c : family.getValue()) {
                sample(out, name, c.key(), false, null, Long.toString(c.value()));
            }
        }
        for (Map.Entry<String, List<MetricsSnapshot.Summary>> family : groupSummaries(snapshot).entrySet()) {
            String name = PrometheusNames.metricName(family.getKey());
            if (!families.add(name) || families.contains(name + "_sum") || families.contains(name + "_count")) {
                out.append("# oktyv: summary ").append(PrometheusNames.helpText(family.getKey()))
                        .append(" left out, its name collides with ").append(name).append('\n');
                continue;
            }
            out.append("# TYPE ").append(name).append(" summary\n");
            for (MetricsSnapshot.Summary s : family.getValue()) {
                MetricStats st = s.stats();
                double[] values = {st.p50(), st.p95(), st.p99(), st.p999()};
                for (int i = 0; i < QUANTILES.length; i++) {
                    sample(out, name, s.key(), true, PrometheusNames.number(QUANTILES[i]),
                            PrometheusNames.number(values[i]));
                }
                sample(out, name + "_sum", s.key(), true, null, PrometheusNames.number(st.count() == 0 ? 0 : st.sum()));
                sample(out, name + "_count", s.key(), true, null, Long.toString(st.count()));
            }
        }
        return out.toString();
    }

    private static void sample(StringBuilder out, String name, MetricKey key, boolean summary, String quantile,
                               String value) {
        out.append(name);
        List<Label> labels = key.labels();
        if (!labels.isEmpty() || quantile != null) {
            out.append('{');
            boolean first = true;
            Set<String> used = new HashSet<>();
            if (summary) {
                used.add("quantile"); // reserved in summaries: a user label of that name must not shadow it
            }
            for (Label l : labels) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                String labelName = PrometheusNames.labelName(l.name());
                while (!used.add(labelName)) {
                    labelName = labelName + "_"; // two names that sanitise alike stay two labels
                }
                out.append(labelName).append("=\"")
                        .append(PrometheusNames.labelValue(l.value())).append('"');
            }
            if (quantile != null) {
                out.append(first ? "" : ",").append("quantile=\"").append(quantile).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    private static Map<String, List<MetricsSnapshot.Counter>> groupCounters(MetricsSnapshot snapshot) {
        Map<String, List<MetricsSnapshot.Counter>> m = new LinkedHashMap<>();
        snapshot.counters().forEach(c -> m.computeIfAbsent(c.key().name(), k -> new ArrayList<>()).add(c));
        return m;
    }

    private static Map<String, List<MetricsSnapshot.Summary>> groupSummaries(MetricsSnapshot snapshot) {
        Map<String, List<MetricsSnapshot.Summary>> m = new LinkedHashMap<>();
        snapshot.summaries().forEach(s -> m.computeIfAbsent(s.key().name(), k -> new ArrayList<>()).add(s));
        return m;
    }
}
