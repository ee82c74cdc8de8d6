package dev.oktyv.bench.testing;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Test-only benchmark (test-classes, never the jar) that prints to its own System.out at the end of the trial, as
 * CachedPointQueryBenchmark prints its hit ratio (and to System.err, as a fork's java.util.logging does), to check
 * where a forked VM's output ends up.
 */
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Benchmark)
public class PrintingBenchmark {

    public static final String LINE = "printed by PrintingBenchmark's trial tear-down";
    public static final String ERR_LINE = "printed to System.err by PrintingBenchmark's trial tear-down";

    @Benchmark
    public int work() {
        return 42;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println(LINE);
        System.err.println(ERR_LINE);
    }
}
