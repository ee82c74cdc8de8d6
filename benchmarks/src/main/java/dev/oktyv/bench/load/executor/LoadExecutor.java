package dev.oktyv.bench.load.executor;

import dev.oktyv.bench.load.recording.RunRecorder;
import dev.oktyv.bench.load.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one {@link LoadModel} against a prepared target: starts one thread per worker, each with its own
 * {@link Scenario.Session}, and returns when every worker is done. Workers report to a {@link RunRecorder}; nothing
 * here keeps per-request data.
 */
public final class LoadExecutor {

    private final Pacer pacer;

    public LoadExecutor(Pacer pacer) {
        this.pacer = pacer;
    }

    /**
     * Runs the model with its origin (time zero of the schedule) at {@code originNanoTime}.
     *
     * @return the nano time at which the last worker finished
     */
    public long run(LoadModel model, Scenario.Target target, RunRecorder recorder, long originNanoTime)
            throws Exception {
        List<Runnable> loops = new ArrayList<>();
        if (model instanceof LoadModel.Open open) {
            OpenDispatch dispatch = new OpenDispatch(open.schedule(), originNanoTime, open.maxInFlight(), recorder);
            for (int w = 0; w < open.workers(); w++) {
                loops.add(new WorkerLoop(target, recorder, pacer, dispatch, null, 0, w, originNanoTime));
            }
        } else {
            LoadModel.Closed closed = (LoadModel.Closed) model;
            for (int w = 0; w < closed.concurrency(); w++) {
                long startOffset = closed.rampUp().toNanos() * w / closed.concurrency();
                if (closed.rampUp().isZero() && closed.periodNanos().isPresent()) {
                    // Phase-shift the per-worker schedules so the aggregate arrivals are evenly spaced; otherwise
                    // all workers fire together and measure their own bursts as server latency.
                    startOffset = Math.round(closed.periodNanos().getAsDouble() * w / closed.concurrency());
                }
                loops.add(new WorkerLoop(target, recorder, pacer, null, closed, startOffset, w, originNanoTime));
            }
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            Runnable loop = loops.get(i);
            Thread t = new Thread(() -> {
                try {
                    loop.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "oktyv-load-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        Throwable f = failure.get();
        if (f instanceof Exception ex) {
            throw ex;
        } else if (f instanceof Error err) {
            throw err;
        }
        return pacer.nanoTime();
    }
}
