package dev.oktyv.bench.load.executor;

import dev.oktyv.bench.load.recording.RunRecorder;
import dev.oktyv.bench.load.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

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
        WorkerThreads.runAll(loops, "oktyv-load-");
        return pacer.nanoTime();
    }
}
