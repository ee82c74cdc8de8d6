package dev.oktyv.results.load;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one load scenario did: {@code load/<scenario-id>/summary.json} in a run folder, written by the load runner
 * and read by analysis through {@link LoadSummaryJson}. Warm-up operations are executed and shown live but
 * excluded from every figure here except {@link Totals#warmupOperations}.
 */
public record LoadSummary(int formatVersion, String scenarioId, Model model, Instant startedAt,
                          double measuredSeconds, double warmupSeconds, Totals totals, Rates rates,
                          LatencyStats corrected, LatencyStats uncorrected, JvmStats jvm,
                          List<ThresholdOutcome> thresholds) {

    public static final int FORMAT_VERSION = 1;

    public LoadSummary {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(corrected, "corrected");
        Objects.requireNonNull(uncorrected, "uncorrected");
        Objects.requireNonNull(jvm, "jvm");
        thresholds = List.copyOf(thresholds);
    }

    /** {@code passed} (all thresholds held), {@code failed}, or {@code none} when no threshold was given. */
    public String outcome() {
        if (thresholds.isEmpty()) {
            return "none";
        }
        return thresholds.stream().allMatch(ThresholdOutcome::passed) ? "passed" : "failed";
    }

    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdOutcome::passed);
    }

    /**
     * How load was applied. {@code kind} is {@code open} (arrival rate) or {@code closed} (fixed workers).
     * {@code description} is the schedule as the user gave it ({@code rate=200/s}, {@code stages=30s:100,...},
     * {@code concurrency=50 think=0s ramp-up=1s}).
     */
    public record Model(String kind, String description, int workers, int maxInFlight) {
        public Model {
            if (!kind.equals("open") && !kind.equals("closed")) {
                throw new IllegalArgumentException("model kind must be open or closed, got '" + kind + "'");
            }
            Objects.requireNonNull(description, "description");
        }
    }

    /** Operations counted in the measured window; {@code failed} is the sum of {@code failedByKind}. */
    public record Totals(long total, long ok, long failed, List<FailureCount> failedByKind, long warmupOperations) {
        public Totals {
            failedByKind = List.copyOf(failedByKind);
            long sum = failedByKind.stream().mapToLong(FailureCount::count).sum();
            if (sum != failed || ok + failed != total) {
                throw new IllegalArgumentException("inconsistent totals: total=" + total + " ok=" + ok
                        + " failed=" + failed + " sum(failedByKind)=" + sum);
            }
        }

        /** Failed over total, NaN when nothing ran. */
        public double errorRate() {
            return total == 0 ? Double.NaN : (double) failed / total;
        }
    }

    /**
     * {@code targetPerSecond} is the mean intended arrival rate over the measured window (NaN for a closed model
     * without an intended rate); {@code targetSource} says where it came from: {@value #CONFIGURED} (--rate,
     * --stages), {@value #DERIVED_FROM_WARMUP} (a closed model without --rate: the rate its workers sustained during
     * the warm-up) or {@value #NO_TARGET}. {@code dropped} counts intended starts skipped because {@code maxInFlight}
     * operations were already outstanding.
     */
    public record Rates(double targetPerSecond, String targetSource, double achievedPerSecond, long dropped) {

        public static final String CONFIGURED = "configured";
        public static final String DERIVED_FROM_WARMUP = "derived-from-warmup";
        public static final String NO_TARGET = "none";

        public Rates {
            if (!CONFIGURED.equals(targetSource) && !DERIVED_FROM_WARMUP.equals(targetSource)
                    && !NO_TARGET.equals(targetSource)) {
                throw new IllegalArgumentException("targetSource must be " + CONFIGURED + ", " + DERIVED_FROM_WARMUP
                        + " or " + NO_TARGET + ", got '" + targetSource + "'");
            }
            if (NO_TARGET.equals(targetSource) != Double.isNaN(targetPerSecond)) {
                throw new IllegalArgumentException("targetSource '" + targetSource + "' does not fit targetPerSecond "
                        + targetPerSecond);
            }
        }

        /** A configured target, or none when {@code targetPerSecond} is NaN (files written before targetSource). */
        public Rates(double targetPerSecond, double achievedPerSecond, long dropped) {
            this(targetPerSecond, Double.isNaN(targetPerSecond) ? NO_TARGET : CONFIGURED, achievedPerSecond, dropped);
        }
    }

    /**
     * Heap used before and after the run and the highest value sampled once a second in between; GC collections
     * and their accumulated time over the run (all GC MXBeans); CPU time of the whole process.
     */
    public record JvmStats(long heapUsedBeforeBytes, long heapUsedAfterBytes, long heapUsedPeakBytes,
                           long gcCount, long gcTimeMillis, long processCpuTimeNanos) {
    }
}
