package dev.oktyv.bench.load.schedule;

import dev.oktyv.bench.duration.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The intended start times of an open-model run, computed on demand so memory stays constant however long the run.
 *
 * <p>The rate is piecewise linear in time. With N(t) the expected number of arrivals by offset t (the integral of
 * the rate), arrival number k (0-based) is intended at the t where N(t) = k + 1. So a constant 200/s over 10 s gives
 * arrivals at 5 ms, 10 ms, ..., 10 000 ms: exactly 2000, the last one at the end. If N(end) &lt; 1 the schedule is
 * empty, which the command reports as a usage error rather than running nothing.
 *
 * <p>An optional warm-up segment is prepended; arrivals before {@link #measuredStartOffsetNanos()} are executed
 * and shown but not counted.
 */
public final class ArrivalSchedule {

    private static final double NANOS_PER_SECOND = 1e9;

    /** A linear-rate piece: offsets in nanoseconds, rates per second, arrivals before it as a real number. */
    private record Segment(long startNanos, long durationNanos, double startRate, double endRate, double before) {
        double arrivals() {
            return (startRate + endRate) / 2 * durationNanos / NANOS_PER_SECOND;
        }

        /** Expected arrivals from the segment start to {@code offsetNanos} within it. */
        double arrivalsBy(long offsetNanos) {
            double t = (offsetNanos - startNanos) / NANOS_PER_SECOND;
            double slope = (endRate - startRate) / (durationNanos / NANOS_PER_SECOND);
            return startRate * t + slope * t * t / 2;
        }

        /** Offset in nanoseconds where {@code k} arrivals have occurred since the segment start. */
        long offsetOf(double k) {
            double seconds = durationNanos / NANOS_PER_SECOND;
            double a = (endRate - startRate) / (2 * seconds);
            double b = startRate;
            // Solve a t^2 + b t = k. The form 2k / (b + sqrt(b^2 + 4ak)) is exact for a = 0 and avoids the
            // cancellation of (-b + sqrt(...)) / 2a when a is tiny.
            double disc = Math.max(0, b * b + 4 * a * k);
            double denom = b + Math.sqrt(disc);
            double t = denom <= 0 ? seconds : 2 * k / denom;
            return startNanos + Math.min(durationNanos, Math.round(t * NANOS_PER_SECOND));
        }
    }

    private final List<Segment> segments;
    private final long measuredStartNanos;
    private final long endNanos;
    private final long size;
    private final long firstMeasuredIndex;
    private final String description;
    /** Arrival {@code index} is the {@code (index + phase)}-th expected arrival; 1 unless the schedule is a share. */
    private final double phase;

    private ArrivalSchedule(List<Segment> segments, long measuredStartNanos, String description) {
        this(segments, measuredStartNanos, description, 1.0);
    }

    private ArrivalSchedule(List<Segment> segments, long measuredStartNanos, String description, double phase) {
        this.phase = phase;
        this.segments = List.copyOf(segments);
        this.measuredStartNanos = measuredStartNanos;
        Segment last = segments.get(segments.size() - 1);
        this.endNanos = last.startNanos + last.durationNanos;
        double total = last.before + last.arrivals();
        // A tiny epsilon so that 200/s x 10 s is 2000 arrivals even if the sum of doubles lands on 1999.9999999.
        this.size = (long) Math.floor(total + 1e-9);
        // An arrival exactly at the boundary closes the slot before it, so it belongs to the warm-up.
        this.firstMeasuredIndex = dueBy(measuredStartNanos);
        this.description = description;
    }

    /** A constant rate for {@code duration} after a warm-up at the same rate. */
    public static ArrivalSchedule constant(double ratePerSecond, Duration duration, Duration warmup) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("--rate must be a number greater than 0 (per second), got " + ratePerSecond);
        }
        return build(ratePerSecond, List.of(new RateStage(duration, ratePerSecond)), warmup,
                "rate=" + trim(ratePerSecond) + "/s");
    }

    /**
     * Stages ramping from 0; the warm-up runs at the first stage's target rate (a warm-up at rate 0 would warm
     * nothing).
     */
    public static ArrivalSchedule staged(List<RateStage> stages, Duration warmup) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("--stages needs at least one stage");
        }
        StringBuilder d = new StringBuilder("stages=");
        for (int i = 0; i < stages.size(); i++) {
            d.append(i == 0 ? "" : ",").append(Durations.format(stages.get(i).duration())).append(':')
                    .append(trim(stages.get(i).targetPerSecond()));
        }
        return build(0, stages, warmup, d.toString());
    }

    private static ArrivalSchedule build(double initialRate, List<RateStage> stages, Duration warmup, String text) {
        List<Segment> segs = new ArrayList<>();
        long offset = 0;
        double before = 0;
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
        }
        if (!warmup.isZero()) {
            double r = stages.get(0).targetPerSecond();
            Segment w = new Segment(0, warmup.toNanos(), r, r, 0);
            segs.add(w);
            offset = warmup.toNanos();
            before = w.arrivals();
        }
        long measuredStart = offset;
        double rate = initialRate;
        for (RateStage st : stages) {
            Segment s = new Segment(offset, st.duration().toNanos(), rate, st.targetPerSecond(), before);
            segs.add(s);
            offset += s.durationNanos;
            before += s.arrivals();
            rate = st.targetPerSecond();
        }
        ArrivalSchedule schedule = new ArrivalSchedule(segs, measuredStart, text);
        if (schedule.size - schedule.firstMeasuredIndex < 1) {
            throw new IllegalArgumentException("the schedule " + text + " over " + Durations.format(
                    Duration.ofNanos(offset - measuredStart)) + " starts no operation at all (expected "
                    + trim(before - schedule.arrivalsBy(measuredStart)) + "); raise the rate or the duration");
        }
        return schedule;
    }

    /**
     * Agent {@code index}'s share of this schedule split over {@code agents} load agents: every rate divided by
     * {@code agents}, and the arrivals shifted by {@code (index + 1) / agents} of the share's arrival gap, so the
     * agents' arrivals interleave into this schedule (agent i takes arrivals i, i + N, i + 2N, ...) instead of all
     * landing on the same instants.
     */
    public ArrivalSchedule share(int index, int agents) {
        if (agents < 1 || index < 0 || index >= agents) {
            throw new IllegalArgumentException("--agent-index must be in 0.." + (agents - 1) + ", got " + index);
        }
        if (phase != 1.0) {
            throw new IllegalStateException("already a share");
        }
        List<Segment> shared = new ArrayList<>();
        for (Segment s : segments) {
            shared.add(new Segment(s.startNanos, s.durationNanos, s.startRate / agents, s.endRate / agents,
                    s.before / agents));
        }
        ArrivalSchedule share = new ArrivalSchedule(shared, measuredStartNanos, description + " agent " + index + "/"
                + agents, (index + 1.0) / agents);
        if (share.size - share.firstMeasuredIndex < 1) {
            throw new IllegalArgumentException("agent " + index + " of " + agents + " would start no operation in "
                    + description + "; use fewer agents or a higher rate");
        }
        return share;
    }

    /** Number of arrivals, warm-up included. */
    public long size() {
        return size;
    }

    /** Index of the first arrival that is measured (after the warm-up). */
    public long firstMeasuredIndex() {
        return firstMeasuredIndex;
    }

    public long measuredStartOffsetNanos() {
        return measuredStartNanos;
    }

    public long endOffsetNanos() {
        return endNanos;
    }

    /** Mean intended rate over the measured window, per second. */
    public double measuredTargetPerSecond() {
        return (size - firstMeasuredIndex) / ((endNanos - measuredStartNanos) / NANOS_PER_SECOND);
    }

    public String description() {
        return description;
    }

    /** Intended start of arrival {@code index} (0-based, &lt; {@link #size()}) as an offset from the run origin. */
    public long offsetNanos(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("arrival " + index + " of " + size);
        }
        double k = index + phase;
        for (Segment s : segments) {
            double after = s.before + s.arrivals();
            if (k <= after + 1e-9 && s.arrivals() > 0) {
                return s.offsetOf(Math.max(0, k - s.before));
            }
        }
        return endNanos;
    }

    /** How many arrivals are due at or before {@code offsetNanos}. */
    public long dueBy(long offsetNanos) {
        if (offsetNanos < 0) {
            return 0;
        }
        long c = Math.max(0, Math.min(size, (long) Math.floor(arrivalsBy(offsetNanos))));
        // Offsets are rounded to whole nanoseconds; step to the exact count so this is the inverse of offsetNanos.
        while (c < size && offsetNanos(c) <= offsetNanos) {
            c++;
        }
        while (c > 0 && offsetNanos(c - 1) > offsetNanos) {
            c--;
        }
        return c;
    }

    private double arrivalsBy(long offsetNanos) {
        for (Segment s : segments) {
            if (offsetNanos < s.startNanos + s.durationNanos) {
                return s.before + s.arrivalsBy(Math.max(offsetNanos, s.startNanos));
            }
        }
        Segment last = segments.get(segments.size() - 1);
        return last.before + last.arrivals();
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
