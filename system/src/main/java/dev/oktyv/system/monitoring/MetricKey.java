package dev.oktyv.system.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A metric name plus its labels, sorted by label name so that the same set given in any order is the same key.
 * Hot paths should create keys once and keep the handle the collector returns, not build a key per call.
 */
public record MetricKey(String name, List<Label> labels) {

    public MetricKey {
        Objects.requireNonNull(name, "metric name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank");
        }
        List<Label> sorted = new ArrayList<>(labels);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("metric " + name + " has label " + sorted.get(i).name() + " twice");
            }
        }
        labels = List.copyOf(sorted);
    }

    public static MetricKey of(String name) {
        return new MetricKey(name, List.of());
    }

    /** {@code of("http_requests", "route", "GET /health", "status", "2xx")}: name then label name/value pairs. */
    public static MetricKey of(String name, String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("metric " + name + ": label pairs need an even count, got "
                    + labelPairs.length);
        }
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.add(new Label(labelPairs[i], labelPairs[i + 1]));
        }
        return new MetricKey(name, labels);
    }
}
