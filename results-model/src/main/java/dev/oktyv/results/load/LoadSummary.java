package dev.oktyv.results.load;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one load scenario did: {@code load/<scenario-id>/summary.json} in a run folder, written by the load runner
 * and read by analysis through {@link LoadSummaryJson}. Warm-up operations are executed and shown live but
 * excluded from every figure here except {@link Totals#warmupOperations}.
 */
public record LoadSummary(int formatVersion, String scenarioId, Model model, Instant startedAt,
                          double measuredSeconds, double warmupSeconds, Totals totals, Rates rates,
                          LatencyStats corrected, LatencyStats uncorrected, JvmStats jvm,
                          List<ThresholdOutcome> thresholds, List<Agent> agents) {

    /** 2 added {@code agents} (a run merged from N load agents); version 1 files are read with none. */
    public static final int FORMAT_VERSION = 2;
    public static final int OLDEST_READABLE_VERSION = 1;

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
        agents = List.copyOf(agents);
    }

    /** One load generator's run: no agents. */
    public LoadSummary(int formatVersion, String scenarioId, Model model, Instant startedAt, double measuredSeconds,
                       double warmupSeconds, Totals totals, Rates rates, LatencyStats corrected,
                       LatencyStats uncorrected, JvmStats jvm, List<ThresholdOutcome> thresholds) {
        this(formatVersion, scenarioId, model, startedAt, measuredSeconds, warmupSeconds, totals, rates, corrected,
                uncorrected, jvm, thresholds, List.of());
    }

    /** {@code passed} (all thresholds held), {@code failed}, or {@code none} when no threshold was given. */
    public Outcome outcome() {
        if (thresholds.isEmpty()) {
            return Outcome.NONE;
        }
        return thresholds.stream().allMatch(ThresholdOutcome::passed) ? Outcome.PASSED : Outcome.FAILED;
    }

    /** The thresholds' verdict; the wire name ({@code summary.json}'s {@code outcome}) is the lower-case name. */
    public enum Outcome {
        PASSED, FAILED, NONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How load was applied: an arrival rate ({@code open}) or a fixed number of workers ({@code closed}). */
    public enum ModelKind {
        OPEN, CLOSED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static ModelKind ofWireName(String name) {
            for (ModelKind k : values()) {
                if (k.wireName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("model kind must be open or closed, got '" + name + "'");
        }
    }

    /**
     * Where {@link Rates#targetPerSecond} came from: {@code configured} (--rate, --stages), {@code
     * derived-from-warmup} (a closed model without --rate: the rate its workers sustained during the warm-up) or
     * {@code none}.
     */
    public enum TargetSource {
        CONFIGURED("configured"), DERIVED_FROM_WARMUP("derived-from-warmup"), NONE("none");

        private final String wireName;

        TargetSource(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static TargetSource ofWireName(String name) {
            for (TargetSource t : values()) {
                if (t.wireName.equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("targetSource must be configured, derived-from-warmup or none, got '"
                    + name + "'");
        }
    }

    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdOutcome::passed);
    }

    /**
     * How load was applied.
     * {@code description} is the schedule as the user gave it ({@code rate=200/s}, {@code stages=30s:100,...},
     * {@code concurrency=50 think=0s ramp-up=1s}).
     */
    public record Model(ModelKind kind, String description, int workers, int maxInFlight) {
        public Model {
            Objects.requireNonNull(kind, "kind");
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
     * without an intended rate); {@code targetSource} says where it came from, see {@link TargetSource}. {@code dropped} counts intended starts skipped because {@code maxInFlight}
     * operations were already outstanding.
     */
    public record Rates(double targetPerSecond, TargetSource targetSource, double achievedPerSecond, long dropped) {

        public static final TargetSource CONFIGURED = TargetSource.CONFIGURED;
        public static final TargetSource DERIVED_FROM_WARMUP = TargetSource.DERIVED_FROM_WARMUP;
        public static final TargetSource NO_TARGET = TargetSource.NONE;

        public Rates {
            Objects.requireNonNull(targetSource, "targetSource");
            if ((targetSource == NO_TARGET) != Double.isNaN(targetPerSecond)) {
                throw new IllegalArgumentException("targetSource '" + targetSource.wireName() + "' does not fit targetPerSecond "
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

    /**
     * One agent of a merged run ({@code load merge}): its own run folder id, in the order they were merged, and its
     * own figures, so an agent that fell behind (dropped &gt; 0, achieved below target) stays visible after the merge.
     */
    public record Agent(String run, long total, double targetPerSecond, double achievedPerSecond, long dropped) {
        public Agent {
            Objects.requireNonNull(run, "run");
        }
    }
}
