package dev.oktyv.bench.vault;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The original suite's headline workload: 90 % get, 10 % durable set on one shared vault. Two methods so the
 * thread count is part of the benchmark id ({@code mix_1thread}, {@code mix_4threads}) and results of the
 * two never mix. With 4 threads, sets that overlap share one fdatasync (group commit).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class VaultMixBenchmark {

    @Param({"32"})
    public int valueBytes;

    private BenchVault bench;
    private Secret newValue;
    private final AtomicLong seeds = new AtomicLong();

    @State(Scope.Thread)
    public static class Cursor {
        SplittableRandom random;

        @Setup(Level.Trial)
        public void setUp(VaultMixBenchmark benchmark) {
            random = new SplittableRandom(benchmark.seeds.incrementAndGet());
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bench = new BenchVault(valueBytes);
        newValue = BenchVault.value(valueBytes, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        bench.close();
    }

    @Benchmark
    @Threads(1)
    public void mix_1thread(Cursor cursor, Blackhole bh) {
        mix(cursor, bh);
    }

    @Benchmark
    @Threads(4)
    public void mix_4threads(Cursor cursor, Blackhole bh) {
        mix(cursor, bh);
    }

    private void mix(Cursor cursor, Blackhole bh) {
        int dice = cursor.random.nextInt(10);
        String key = bench.keys[cursor.random.nextInt(BenchVault.KEYS)];
        if (dice == 0) {
            bench.vault.set(key, newValue);
        } else {
            bh.consume(bench.vault.get(key));
        }
    }
}
