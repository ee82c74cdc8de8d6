package dev.oktyv.profiles.calibration;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Calibration benchmark of the profiles module: {@code hot} spends 80% in {@code a} and 20% in {@code b};
 * {@code alloc} allocates at {@link HotMethods#allocate}. It lives here, not in {@code benchmarks}, so the
 * uber-jar proves JMH's BenchmarkList from two modules is merged.
 *
 * <p>{@code firstIterationMarker=true} makes the first iteration (the warm-up one, with {@code -wi 1}) run
 * {@link #warmupOnly} instead: a profile that contains that frame has not discarded warm-up samples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotMethodsBenchmark {

    @Param("false")
    public boolean firstIterationMarker;

    private int iteration;
    private long seed = 1;

    @Setup(Level.Iteration)
    public void nextIteration() {
        iteration++;
    }

    @Benchmark
    public long hot() {
        if (firstIterationMarker && iteration == 1) {
            return seed = warmupOnly(seed);
        }
        return seed = HotMethods.round(4, 1, seed);
    }

    @Benchmark
    public Object alloc() {
        return HotMethods.allocate();
    }

    static long warmupOnly(long x) {
        return HotMethods.round(1, 0, x) + 1;
    }
}
