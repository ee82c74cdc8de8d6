package dev.oktyv.bench.load.executor;

import dev.oktyv.bench.load.recording.RunRecorder;
import dev.oktyv.bench.load.scenario.Scenario;

/**
 * One worker: takes its next intended start (from the shared open schedule, or from its own closed-model loop),
 * waits for it, runs the operation and reports intended start, actual start and end.
 */
final class WorkerLoop implements Runnable {

    private final Scenario.Target target;
    private final RunRecorder recorder;
    private final Pacer pacer;
    private final OpenDispatch open;
    private final LoadModel.Closed closed;
    private final long startOffsetNanos;
    private final int workerIndex;
    private final long originNanoTime;

    WorkerLoop(Scenario.Target target, RunRecorder recorder, Pacer pacer, OpenDispatch open, LoadModel.Closed closed,
               long startOffsetNanos, int workerIndex, long originNanoTime) {
        this.target = target;
        this.recorder = recorder;
        this.pacer = pacer;
        this.open = open;
        this.closed = closed;
        this.startOffsetNanos = startOffsetNanos;
        this.workerIndex = workerIndex;
        this.originNanoTime = originNanoTime;
    }

    @Override
    @SuppressWarnings("try") // Session.close() may throw InterruptedException; handled below.
    public void run() {
        try (Scenario.Session session = target.newSession()) {
            if (open != null) {
                runOpen(session);
            } else {
                runClosed(session);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("worker " + Thread.currentThread().getName() + ": " + e, e);
        }
    }

    private void runOpen(Scenario.Session session) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            long index = open.claim(pacer.nanoTime());
            if (index == OpenDispatch.DONE) {
                return;
            }
            try {
                long intended = open.intendedNanoTime(index);
                pacer.awaitNanoTime(intended);
                execute(session, index >= open.firstMeasuredIndex(), intended);
            } finally {
                open.release();
            }
        }
    }

    private void runClosed(Scenario.Session session) throws InterruptedException {
        long end = originNanoTime + closed.warmup().toNanos() + closed.measured().toNanos();
        long first = originNanoTime + startOffsetNanos;
        pacer.awaitNanoTime(first);
        if (closed.periodNanos().isPresent()) {
            followSchedule(session, first, closed.periodNanos().getAsDouble(), end);
            return;
        }
        boolean deriving = closed.derivesRateFromWarmup();
        long measuredStart = recorder.measuredStartNanoTime();
        long thinkNanos = closed.thinkTime().toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            long now = pacer.nanoTime();
            if (now >= end) {
                return;
            }
            boolean measured = now >= measuredStart;
            if (measured && deriving) {
                var period = recorder.derivePeriodNanos(closed.concurrency());
                if (period.isPresent()) {
                    // Phase-shifted like the configured compensated mode, from the end of the warm-up.
                    double p = period.getAsDouble();
                    followSchedule(session, measuredStart + Math.round(p * workerIndex / closed.concurrency()), p, end);
                    return;
                }
                deriving = false; // too short a warm-up: go on unpaced, service time only
            }
            long serviceNanos = execute(session, measured, now);
            if (deriving) {
                recorder.warmupCycle(serviceNanos + thinkNanos);
            }
            if (thinkNanos > 0) {
                long thinkEnd = pacer.nanoTime() + thinkNanos;
                // A think that crosses into the measured window must not delay the first scheduled start.
                pacer.awaitNanoTime(deriving && !measured ? Math.min(thinkEnd, measuredStart) : thinkEnd);
            }
        }
    }

    /**
     * One start every {@code period} ns from {@code first}; a late start runs at once to catch up (think time is
     * implied by the schedule), and the latency from the scheduled start is the corrected one.
     */
    private void followSchedule(Scenario.Session session, long first, double period, long end)
            throws InterruptedException {
        for (long k = 0; !Thread.currentThread().isInterrupted(); k++) {
            long now = pacer.nanoTime();
            long intended = first + Math.round(k * period);
            if (intended >= end) {
                return;
            }
            if (now >= end) {
                // Behind schedule when time is up: the starts this worker never made are dropped, not hidden.
                long missed = (long) Math.ceil((end - intended) / period);
                long measuredMissed = intended >= recorder.measuredStartNanoTime() ? missed
                        : Math.max(0, (long) Math.ceil((end - Math.max(intended, recorder.measuredStartNanoTime()))
                        / period));
                recorder.dropped(measuredMissed);
                return;
            }
            pacer.awaitNanoTime(intended);
            execute(session, intended >= recorder.measuredStartNanoTime(), intended);
        }
    }

    /** Returns the operation's service time. */
    private long execute(Scenario.Session session, boolean measured, long intendedNanoTime) {
        long start = pacer.nanoTime();
        Outcome outcome;
        try {
            outcome = session.execute();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            outcome = Outcome.of(e);
        }
        long end = pacer.nanoTime();
        recorder.record(measured, intendedNanoTime, start, end, outcome);
        return end - start;
    }
}
