package dev.oktyv.bench.load.executor;

import dev.oktyv.bench.load.recording.RunRecorder;
import dev.oktyv.bench.load.schedule.ArrivalSchedule;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the arrivals of an open schedule to workers, lock-free. The backlog (arrivals due but not yet taken by
 * a worker) is implicit, the difference between arrivals due now and the next unclaimed index, so it costs no
 * memory; when it would push the outstanding operations over {@code maxInFlight}, the oldest due arrivals are
 * skipped and counted as dropped (only those in the measured window are reported).
 */
final class OpenDispatch {

    static final long DONE = -1;

    private final ArrivalSchedule schedule;
    private final long originNanoTime;
    private final int maxInFlight;
    private final RunRecorder recorder;
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();

    OpenDispatch(ArrivalSchedule schedule, long originNanoTime, int maxInFlight, RunRecorder recorder) {
        this.schedule = schedule;
        this.originNanoTime = originNanoTime;
        this.maxInFlight = maxInFlight;
        this.recorder = recorder;
    }

    /** The next arrival index this worker runs, or {@link #DONE}. Marks the worker running. */
    long claim(long nowNanoTime) {
        while (true) {
            long i = next.get();
            if (i >= schedule.size()) {
                return DONE;
            }
            long due = schedule.dueBy(nowNanoTime - originNanoTime);
            // Outstanding = the other running workers + the due arrivals still waiting (this one included).
            long backlogAllowed = maxInFlight - running.get();
            long kept = Math.max(i, due - backlogAllowed);
            if (kept >= schedule.size()) {
                kept = schedule.size();
            }
            if (next.compareAndSet(i, kept + 1)) {
                long firstMeasured = schedule.firstMeasuredIndex();
                recorder.dropped(Math.max(0, kept - Math.max(i, firstMeasured)));
                if (kept >= schedule.size()) {
                    return DONE;
                }
                running.incrementAndGet();
                return kept;
            }
        }
    }

    void release() {
        running.decrementAndGet();
    }

    long firstMeasuredIndex() {
        return schedule.firstMeasuredIndex();
    }

    long intendedNanoTime(long index) {
        return originNanoTime + schedule.offsetNanos(index);
    }
}
