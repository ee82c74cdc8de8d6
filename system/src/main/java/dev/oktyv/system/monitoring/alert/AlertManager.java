package dev.oktyv.system.monitoring.alert;

import dev.oktyv.system.monitoring.MetricsCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates threshold rules against a {@link MetricsCollector} and emits {@link AlertEvent}s on transitions.
 *
 * <p>The seed called a callback every time a value crossed its threshold, so a noisy metric paged once per
 * sample. Here a rule goes INACTIVE → PENDING → FIRING (after {@code for}) and back to INACTIVE only after the
 * condition has been false for {@code keepFiringFor}; one FIRED and one RESOLVED event per episode. Time comes
 * from the injected {@link Clock}, so tests move time instead of sleeping. Evaluation is driven by the caller
 * (a scheduler in production, the test itself in tests).
 */
public final class AlertManager {

    private static final Logger LOG = LoggerFactory.getLogger(AlertManager.class);

    private final MetricsCollector collector;
    private final Clock clock;
    private final Map<String, RuleState> rules = new LinkedHashMap<>();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();

    public AlertManager(MetricsCollector collector, Clock clock) {
        this.collector = collector;
        this.clock = clock;
    }

    public synchronized void addRule(AlertRule rule) {
        if (rules.containsKey(rule.name())) {
            throw new IllegalArgumentException("alert rule " + rule.name() + " is already defined");
        }
        rules.put(rule.name(), new RuleState(rule));
    }

    public void addListener(AlertListener listener) {
        listeners.add(listener);
    }

    public synchronized AlertState state(String ruleName) {
        RuleState s = rules.get(ruleName);
        if (s == null) {
            throw new IllegalArgumentException("no alert rule named " + ruleName);
        }
        return s.state;
    }

    /** Reads every rule's value once and returns the events of this evaluation (also sent to the listeners). */
    public List<AlertEvent> evaluate() {
        List<AlertEvent> events = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (RuleState s : rules.values()) {
                double value = s.rule.query().evaluate(collector, now);
                AlertEvent e = s.step(value, now);
                if (e != null) {
                    events.add(e);
                }
            }
        }
        // Outside the lock: a slow listener must not block state() or other evaluations' bookkeeping.
        for (AlertEvent e : events) {
            for (AlertListener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (Exception | LinkageError ex) {
                    LOG.warn("alert listener {} failed on {} {}: {}", l.getClass().getName(), e.type(), e.rule(),
                            ex.toString());
                }
            }
        }
        return events;
    }

    private static final class RuleState {
        final AlertRule rule;
        AlertState state = AlertState.INACTIVE;
        Instant pendingSince;
        Instant lastTrue;

        RuleState(AlertRule rule) {
            this.rule = rule;
        }

        AlertEvent step(double value, Instant now) {
            boolean holds = rule.comparison().holds(value, rule.threshold());
            switch (state) {
                case INACTIVE -> {
                    if (holds) {
                        pendingSince = now;
                        lastTrue = now;
                        state = AlertState.PENDING;
                        return maybeFire(value, now);
                    }
                }
                case PENDING -> {
                    if (holds) {
                        lastTrue = now;
                        return maybeFire(value, now);
                    }
                    state = AlertState.INACTIVE;
                }
                case FIRING -> {
                    if (holds) {
                        lastTrue = now;
                    } else if (!Duration.between(lastTrue, now).minus(rule.keepFiringFor()).isNegative()) {
                        state = AlertState.INACTIVE;
                        return new AlertEvent(rule.name(), AlertEvent.Type.RESOLVED, value, rule.threshold(), now);
                    }
                }
            }
            return null;
        }

        private AlertEvent maybeFire(double value, Instant now) {
            if (Duration.between(pendingSince, now).compareTo(rule.forDuration()) >= 0) {
                state = AlertState.FIRING;
                return new AlertEvent(rule.name(), AlertEvent.Type.FIRED, value, rule.threshold(), now);
            }
            return null;
        }
    }
}
