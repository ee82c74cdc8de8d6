package dev.oktyv.bench.calibration;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Noise-floor references, not a measurement of any Oktyv engine.
 *
 * <ul>
 *   <li>{@link #empty()} is the cost of JMH's own harness around a call that does nothing: an engine benchmark
 *       whose score is near this one is measuring the harness, not the engine.</li>
 *   <li>{@link #consumeCpu(Work)} burns a fixed number of {@link Blackhole#consumeCPU} tokens. Its score
 *       only moves when the machine moves (frequency scaling, a noisy neighbour, a different host), so comparing
 *       it across two runs tells whether a change in an engine's score can be trusted.</li>
 * </ul>
 *
 * Both are tiny on purpose: the command line's integration test runs them as its smoke benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBenchmark {

    /** The fixed work of {@link #consumeCpu}, in its own state so that {@link #empty} has no parameter. */
    @State(Scope.Benchmark)
    public static class Work {
        /** Work per call in {@code Blackhole.consumeCPU} tokens (each a few CPU cycles). */
        @Param({"1024"})
        public int tokens;
    }

    @Benchmark
    public void empty() {
        // Intentionally empty: the score is the harness overhead.
    }

    @Benchmark
    public void consumeCpu(Work work) {
        Blackhole.consumeCPU(work.tokens);
    }
}
