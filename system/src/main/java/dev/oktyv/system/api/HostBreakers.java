package dev.oktyv.system.api;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j breaker per host ({@code host:port}), created on first use. Resilience4j's own events are
 * re-published as {@link BreakerTransition}s, so listeners (recovery probes, monitoring) do not depend on it.
 */
public final class HostBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(HostBreakers.class);

    private final CircuitBreakerConfig config;
    private final Clock clock;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final List<BreakerListener> listeners = new CopyOnWriteArrayList<>();

    public HostBreakers(BreakerSettings settings, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // OPEN -> HALF_OPEN happens on the next call after openWait, driven by the injected clock;
                // the automatic variant would need a scheduler thread and real time.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(Throwable.class)
                .clock(clock)
                .build();
    }

    public void addListener(BreakerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(BreakerListener listener) {
        listeners.remove(listener);
    }

    public CircuitBreaker forHost(String host) {
        return breakers.computeIfAbsent(host, this::create);
    }

    public BreakerState state(String host) {
        CircuitBreaker breaker = breakers.get(host);
        return breaker == null ? BreakerState.CLOSED : BreakerState.of(breaker.getState());
    }

    private CircuitBreaker create(String host) {
        CircuitBreaker breaker = CircuitBreaker.of(host, config);
        breaker.getEventPublisher().onStateTransition(event -> {
            BreakerTransition t = new BreakerTransition(host,
                    BreakerState.of(event.getStateTransition().getFromState()),
                    BreakerState.of(event.getStateTransition().getToState()), clock.instant());
            LOG.info("circuit breaker {}: {} -> {}", host, t.from(), t.to());
            for (BreakerListener listener : listeners) {
                try {
                    listener.onTransition(t);
                } catch (RuntimeException e) {
                    // A faulty listener must not break the call that triggered the transition.
                    LOG.warn("breaker listener {} failed on {}", listener.getClass().getName(), t, e);
                }
            }
        });
        return breaker;
    }
}
