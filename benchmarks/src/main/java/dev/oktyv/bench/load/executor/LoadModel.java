package dev.oktyv.bench.load.executor;

import dev.oktyv.bench.duration.Durations;
import dev.oktyv.bench.load.schedule.ArrivalSchedule;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/** How load is applied: an open model (arrivals on a schedule) or a closed one (a fixed number of looping workers). */
public sealed interface LoadModel {

    int workers();

    /** Most operations outstanding at once (running plus waiting for a worker). */
    int maxInFlight();

    Duration warmup();

    /** The measured window, warm-up excluded. */
    Duration measured();

    String description();

    /**
     * Arrivals on {@code schedule}, executed by {@code workers} threads. An arrival that finds every worker busy
     * waits (its wait counts in the corrected latency, as in wrk2) unless {@code maxInFlight} operations are
     * already outstanding, in which case it is dropped and counted. {@code maxInFlight == workers} gives k6's
     * behaviour (drop as soon as no worker is free).
     */
    record Open(ArrivalSchedule schedule, int workers, int maxInFlight) implements LoadModel {
        public Open {
            Objects.requireNonNull(schedule, "schedule");
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            if (maxInFlight < workers) {
                throw new IllegalArgumentException("--max-in-flight (" + maxInFlight
                        + ") must be at least the number of workers (" + workers + ")");
            }
        }

        @Override
        public Duration warmup() {
            return Duration.ofNanos(schedule.measuredStartOffsetNanos());
        }

        @Override
        public Duration measured() {
            return Duration.ofNanos(schedule.endOffsetNanos() - schedule.measuredStartOffsetNanos());
        }

        @Override
        public String description() {
            return schedule.description() + " workers=" + workers + " max-in-flight=" + maxInFlight;
        }
    }

    /**
     * {@code concurrency} workers, each looping for warm-up plus duration, the i-th starting after
     * {@code rampUp * i / concurrency}. Without an intended rate a worker pauses {@code thinkTime} between
     * operations and only the service time exists. With one (Hyperfoil's compensated mode) each worker follows
     * its own schedule of one operation every {@code concurrency / rate} seconds, starts late operations at once
     * to catch up, and the latency from the scheduled start is the corrected one; think time is then implied by
     * the schedule and must not be given. Without a configured rate but with a warm-up, the warm-up's mean cycle
     * becomes that schedule's period from the end of the warm-up ({@link #derivesRateFromWarmup()}).
     */
    record Closed(int concurrency, Duration thinkTime, Duration rampUp, Duration warmup, Duration measured,
                  OptionalDouble intendedRatePerSecond) implements LoadModel {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be >= 1, got " + concurrency);
            }
            requireNonNegative("--think-time", thinkTime);
            requireNonNegative("--ramp-up", rampUp);
            requireNonNegative("--warmup", warmup);
            if (measured.isZero() || measured.isNegative()) {
                throw new IllegalArgumentException("--duration must be longer than zero, got " + measured);
            }
            if (intendedRatePerSecond.isPresent()) {
                double r = intendedRatePerSecond.getAsDouble();
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("--rate must be a number greater than 0 (per second), got " + r);
                }
                if (!thinkTime.isZero()) {
                    throw new IllegalArgumentException("--think-time cannot be combined with --rate in the closed"
                            + " model: the intended rate already sets when each worker starts");
                }
            }
        }

        private static void requireNonNegative(String name, Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
        }

        @Override
        public int workers() {
            return concurrency;
        }

        @Override
        public int maxInFlight() {
            return concurrency;
        }

        /**
         * Without a configured rate but with a warm-up, the rate the workers sustained during the warm-up is the
         * intended one for the measured phase (see {@code WarmupCycles}).
         */
        public boolean derivesRateFromWarmup() {
            return intendedRatePerSecond.isEmpty() && !warmup.isZero();
        }

        /** Per-worker interval between scheduled starts, when an intended rate is given. */
        public OptionalDouble periodNanos() {
            return intendedRatePerSecond.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(concurrency * 1e9 / intendedRatePerSecond.getAsDouble());
        }

        @Override
        public String description() {
            return "concurrency=" + concurrency
                    + (intendedRatePerSecond.isPresent() ? " intended-rate=" + intendedRatePerSecond.getAsDouble() + "/s"
                    : " think-time=" + Durations.format(thinkTime))
                    + " ramp-up=" + Durations.format(rampUp);
        }
    }
}
