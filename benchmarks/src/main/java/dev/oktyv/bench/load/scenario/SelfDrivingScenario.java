package dev.oktyv.bench.load.scenario;

import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.RunRecorder;

/**
 * A scenario that can apply some load models itself, more cheaply than one thread per worker (the HTTP target's
 * event loop for the closed model at maximum rate). It reports to the same {@link RunRecorder}, so results are
 * identical in form; the runner falls back to the thread-per-worker executor for every other model.
 */
public interface SelfDrivingScenario extends Scenario {

    boolean drives(LoadModel model);

    /** Runs {@code model} from {@code originNanoTime}; returns the nano time when the last operation ended. */
    long drive(LoadModel model, RunRecorder recorder, Pacer pacer, long originNanoTime) throws Exception;
}
