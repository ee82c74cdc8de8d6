package dev.oktyv.system.monitoring.alert;

import dev.oktyv.system.monitoring.Label;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.MetricsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;

/**
 * The share of errors among the requests of the last {@code lookback}: Prometheus'
 * {@code sum(increase(M_count{label=~"errors"}[lookback])) / sum(increase(M_count[lookback]))}, computed from the
 * since-start counts of the summary {@code metric} (e.g. the service's request durations by status class).
 *
 * <p>Each evaluation records the counts it saw, with the evaluation's time; the ratio is taken between now and the
 * newest recorded sample at or before {@code now - lookback} (or the oldest one, while less history exists). So an
 * error burst counts for one look-back window after it ends, then drops out, which is what lets an alert resolve.
 * No requests in the window, or a single sample, is NaN: no data, not "no errors".
 */
public final class ErrorRatio implements AlertExpression {

    private record Sample(Instant at, long errors, long total) {
    }

    private final String metric;
    private final String label;
    private final Set<String> errorValues;
    private final Duration lookback;
    private final Deque<Sample> history = new ArrayDeque<>();

    /**
     * @param metric      a summary (tracked series) whose {@code count} is one per request
     * @param label       the label that tells errors apart, e.g. {@code status}
     * @param errorValues the values of {@code label} that are errors, e.g. {@code 5xx}
     * @param lookback    the window, positive
     */
    public ErrorRatio(String metric, String label, Set<String> errorValues, Duration lookback) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.label = Objects.requireNonNull(label, "label");
        this.errorValues = Set.copyOf(errorValues);
        this.lookback = Objects.requireNonNull(lookback, "lookback");
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("error ratio of " + metric + ": lookback must be positive, was "
                    + lookback);
        }
        if (this.errorValues.isEmpty()) {
            throw new IllegalArgumentException("error ratio of " + metric + ": no error values for label " + label);
        }
    }

    @Override
    public synchronized double evaluate(MetricsCollector collector, Instant now) {
        long errors = 0;
        long total = 0;
        for (MetricsSnapshot.Summary s : collector.snapshot().summaries()) {
            if (!s.key().name().equals(metric)) {
                continue;
            }
            total += s.stats().count();
            if (s.key().labels().stream().anyMatch(this::isError)) {
                errors += s.stats().count();
            }
        }
        if (!history.isEmpty() && now.isBefore(history.peekLast().at())) {
            throw new IllegalArgumentException("error ratio of " + metric + " evaluated at " + now
                    + ", before its previous evaluation at " + history.peekLast().at());
        }
        history.addLast(new Sample(now, errors, total));
        Instant horizon = now.minus(lookback);
        // Keep one sample at or before the horizon as the base; drop the older ones.
        while (history.size() > 2) {
            var it = history.iterator();
            it.next();
            if (it.next().at().isAfter(horizon)) {
                break;
            }
            history.removeFirst();
        }
        Sample base = history.peekFirst();
        long requests = total - base.total();
        if (history.size() < 2 || requests <= 0) {
            return Double.NaN;
        }
        return (double) (errors - base.errors()) / requests;
    }

    private boolean isError(Label l) {
        return l.name().equals(label) && errorValues.contains(l.value());
    }

    @Override
    public String toString() {
        return "sum(increase(" + metric + "_count{" + label + "=~\"" + String.join("|", errorValues.stream().sorted()
                .toList()) + "\"}[" + lookback + "])) / sum(increase(" + metric + "_count[" + lookback + "]))";
    }
}
