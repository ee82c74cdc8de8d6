package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.duration.Durations;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.schedule.ArrivalSchedule;
import dev.oktyv.bench.load.schedule.RateStage;
import dev.oktyv.bench.load.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The load-shape options of {@code load}, validated as a whole before anything runs. Which model: {@code --rate}
 * or {@code --stages} alone give the open model; {@code --concurrency} the closed one (with {@code --rate} it is
 * compensated against that rate); nothing gives the closed model at the scenario's own concurrency.
 */
public record ModelOptions(OptionalDouble rate, List<RateStage> stages, OptionalInt concurrency, Duration thinkTime,
                           Duration rampUp, Duration duration, Duration warmup, OptionalInt workers,
                           OptionalInt maxInFlight) {

    /** Outstanding operations allowed per worker in the open model before starts are dropped. */
    static final int DEFAULT_BACKLOG_PER_WORKER = 100;

    public ModelOptions {
        stages = stages == null ? List.of() : List.copyOf(stages);
        if (rate.isPresent() && !(rate.getAsDouble() > 0 && !Double.isInfinite(rate.getAsDouble()))) {
            throw new IllegalArgumentException("--rate must be a number greater than 0 (per second), got "
                    + rate.getAsDouble());
        }
        if (!stages.isEmpty() && rate.isPresent()) {
            throw new IllegalArgumentException("give either --rate or --stages, not both");
        }
        if (!stages.isEmpty() && concurrency.isPresent()) {
            throw new IllegalArgumentException("--stages is the open model; it cannot be combined with --concurrency");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be longer than zero, got " + Durations.format(duration));
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        boolean open = isOpen(rate, stages, concurrency);
        if (open && (!thinkTime.isZero() || !rampUp.isZero())) {
            throw new IllegalArgumentException("--think-time and --ramp-up belong to the closed model (--concurrency);"
                    + " the open model ramps with --stages");
        }
        if (!open && (workers.isPresent() || maxInFlight.isPresent())) {
            throw new IllegalArgumentException("--workers and --max-in-flight belong to the open model (--rate or"
                    + " --stages); the closed model has exactly --concurrency operations in flight");
        }
        concurrency.ifPresent(c -> {
            if (c < 1) {
                throw new IllegalArgumentException("--concurrency must be >= 1, got " + c);
            }
        });
        workers.ifPresent(w -> {
            if (w < 1) {
                throw new IllegalArgumentException("--workers must be >= 1, got " + w);
            }
        });
        // Building once here makes an empty or malformed schedule a usage error before any run folder exists.
        if (open) {
            schedule(rate, stages, duration, warmup);
        }
    }

    private static boolean isOpen(OptionalDouble rate, List<RateStage> stages, OptionalInt concurrency) {
        return concurrency.isEmpty() && (rate.isPresent() || !stages.isEmpty());
    }

    public boolean open() {
        return isOpen(rate, stages, concurrency);
    }

    /** With --stages the stages define the length; --duration applies to --rate and the closed model. */
    private static ArrivalSchedule schedule(OptionalDouble rate, List<RateStage> stages, Duration duration,
                                            Duration warmup) {
        return stages.isEmpty() ? ArrivalSchedule.constant(rate.getAsDouble(), duration, warmup)
                : ArrivalSchedule.staged(stages, warmup);
    }

    /** The model for one scenario; the scenario supplies the worker count and ramp-up the user left out. */
    public LoadModel modelFor(Scenario scenario) {
        if (open()) {
            int w = workers.orElse(scenario.defaultConcurrency());
            int m = maxInFlight.orElse(w * DEFAULT_BACKLOG_PER_WORKER);
            return new LoadModel.Open(schedule(rate, stages, duration, warmup), w, m);
        }
        return new LoadModel.Closed(concurrency.orElse(scenario.defaultConcurrency()), thinkTime,
                rampUp.isZero() && concurrency.isEmpty() ? scenario.defaultRampUp() : rampUp, warmup, duration, rate);
    }
}
