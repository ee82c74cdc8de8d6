package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.bench.load.schedule.RateStage;
import dev.oktyv.bench.load.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The load-shape options of {@code load} (a picocli mixin); {@link #toModel()} validates them as a whole. */
public final class LoadModelOptions {

    @Option(names = "--rate", paramLabel = "R", description = "Open model: arrivals per second (fractional allowed).")
    Double rate;
    @Option(names = "--stages", paramLabel = "D:R,...", description = "Open model ramp from 0, e.g. 30s:100,60s:1000,30s:0.")
    String stages;
    @Option(names = "--concurrency", paramLabel = "N", description = "Closed model: N looping workers (with --rate: compensated).")
    Integer concurrency;
    @Option(names = "--think-time", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "Closed model pause between operations.")
    Duration thinkTime;
    @Option(names = "--ramp-up", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "Closed model: start workers evenly over D.")
    Duration rampUp;
    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;
    @Option(names = "--warmup", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "Run but not counted, before the measured time.")
    Duration warmup;
    @Option(names = "--workers", paramLabel = "W", description = "Open model worker threads (default: scenario's concurrency).")
    Integer workers;
    @Option(names = "--max-in-flight", paramLabel = "M", description = "Open model: outstanding operations before starts are dropped (default 100 x workers).")
    Integer maxInFlight;

    /** @throws IllegalArgumentException naming the bad option and value */
    ModelOptions toModel() {
        return new ModelOptions(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate),
                stages == null ? List.of() : RateStage.parseList(stages),
                concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency),
                thinkTime, rampUp, duration, warmup, workers == null ? OptionalInt.empty() : OptionalInt.of(workers),
                maxInFlight == null ? OptionalInt.empty() : OptionalInt.of(maxInFlight));
    }

    /** Whether the load shape was given by hand (stress runs set it themselves). */
    boolean shapeGiven() {
        return rate != null || stages != null || concurrency != null;
    }

    /** Open-model workers of a stress step: {@code --workers} or the scenario's own concurrency. */
    int workersFor(Scenario s) {
        return workers != null ? workers : s.defaultConcurrency();
    }

    /** Open-model backlog of a stress step: {@code --max-in-flight} or 100 per worker. */
    int maxInFlightFor(Scenario s) {
        return maxInFlight != null ? maxInFlight : workersFor(s) * ModelOptions.DEFAULT_BACKLOG_PER_WORKER;
    }

    /** The connections {@code --url} opens when {@code --connections} is not given: one per worker. */
    Integer workersOrConcurrency() {
        return workers != null ? workers : concurrency;
    }
}
