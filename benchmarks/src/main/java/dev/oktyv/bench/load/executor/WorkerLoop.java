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
    private final long originNanoTime;

    WorkerLoop(Scenario.Target target, RunRecorder recorder, Pacer pacer, OpenDispatch open, LoadModel.Closed closed,
               long startOffsetNanos, long originNanoTime) {
        this.target = target;
        this.recorder = recorder;
        this.pacer = pacer;
        this.open = open;
        this.closed = closed;
        this.startOffsetNanos = startOffsetNanos;
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
        var period = closed.periodNanos();
        long thinkNanos = closed.thinkTime().toNanos();
        for (long k = 0; !Thread.currentThread().isInterrupted(); k++) {
            long now = pacer.nanoTime();
            if (period.isPresent()) {
                long intended = first + Math.round(k * period.getAsDouble());
                if (intended >= end) {
                    return;
                }
                if (now >= end) {
                    // Behind schedule when time is up: the starts this worker never made are dropped, not hidden.
                    long missed = (long) Math.ceil((end - intended) / period.getAsDouble());
                    long measuredMissed = intended >= recorder.measuredStartNanoTime() ? missed
                            : Math.max(0, (long) Math.ceil((end - Math.max(intended, recorder.measuredStartNanoTime()))
                            / period.getAsDouble()));
                    recorder.dropped(measuredMissed);
                    return;
                }
                pacer.awaitNanoTime(intended);
                execute(session, intended >= recorder.measuredStartNanoTime(), intended);
            } else {
                if (now >= end) {
                    return;
                }
                execute(session, now >= recorder.measuredStartNanoTime(), now);
                if (thinkNanos > 0) {
                    pacer.awaitNanoTime(pacer.nanoTime() + thinkNanos);
                }
            }
        }
    }

    private void execute(Scenario.Session session, boolean measured, long intendedNanoTime) {
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
        recorder.record(measured, intendedNanoTime, start, pacer.nanoTime(), outcome);
    }
}
