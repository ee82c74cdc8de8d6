package dev.oktyv.bench.load.testing;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.time.ManualTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target that lives on a {@link ManualTime}: every operation takes {@code service}, and every
 * {@code stallEvery}-th operation (the 1st, the stallEvery+1-th, ...) takes {@code stall} more. Time only moves
 * when an operation runs or the runner waits, so the latencies are exact and a test can state them in advance.
 * With {@code firstStall} the stalls start at that operation instead (0-based), e.g. after a warm-up.
 */
public final class SimulatedStallScenario implements Scenario {

    private final ManualTime time;
    private final Duration service;
    private final Duration stall;
    private final long stallEvery;
    private final long firstStall;
    private final AtomicLong executed = new AtomicLong();

    public SimulatedStallScenario(ManualTime time, Duration service, Duration stall, long stallEvery) {
        this(time, service, stall, 0, stallEvery);
    }

    public SimulatedStallScenario(ManualTime time, Duration service, Duration stall, long firstStall, long stallEvery) {
        this.firstStall = firstStall;
        this.time = time;
        this.service = service;
        this.stall = stall;
        this.stallEvery = stallEvery;
    }

    @Override
    public String id() {
        return "simulated-stall";
    }

    @Override
    public String description() {
        return "simulated target, " + service + " per operation, +" + stall + " every " + stallEvery;
    }

    @Override
    public int defaultConcurrency() {
        return 1;
    }

    public long executed() {
        return executed.get();
    }

    @Override
    public Target open() {
        return new Target() {
            @Override
            public Session newSession() {
                return () -> {
                    long n = executed.getAndIncrement();
                    boolean stalls = n >= firstStall && (n - firstStall) % stallEvery == 0;
                    time.advance(stalls ? service.plus(stall) : service);
                    return Outcome.OK;
                };
            }

            @Override
            public void close() {
            }
        };
    }
}
