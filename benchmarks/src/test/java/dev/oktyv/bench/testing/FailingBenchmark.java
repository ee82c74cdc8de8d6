package dev.oktyv.bench.testing;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * Test-only benchmarks (compiled into test-classes, never into the jar) to check how {@code run} records a
 * benchmark that throws. {@code aFails} sorts before {@code bSucceeds}, so {@code --foe} visibly stops the run.
 */
@BenchmarkMode(Mode.AverageTime)
public class FailingBenchmark {

    @Benchmark
    public void aFails() {
        throw new IllegalStateException("deliberate failure for the test");
    }

    @Benchmark
    public int bSucceeds() {
        return 42;
    }
}
