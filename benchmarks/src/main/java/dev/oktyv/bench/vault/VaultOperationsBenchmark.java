package dev.oktyv.bench.vault;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Single-operation costs of an open vault with {@value BenchVault#KEYS} keys: {@code get} (decrypt one record)
 * and {@code set} (seal one record, append, fdatasync). One thread, so {@code set} shows the full fsync cost
 * with no group commit to share it; see {@link VaultMixBenchmark} for concurrency.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class VaultOperationsBenchmark {

    @Param({"32", "1024", "16384"})
    public int valueBytes;

    private BenchVault bench;
    private Secret newValue;

    @State(Scope.Thread)
    public static class Cursor {
        final SplittableRandom random = new SplittableRandom(42);
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
    public Optional<Secret> get(Cursor cursor) {
        return bench.vault.get(bench.keys[cursor.random.nextInt(BenchVault.KEYS)]);
    }

    @Benchmark
    public void set(Cursor cursor) {
        bench.vault.set(bench.keys[cursor.random.nextInt(BenchVault.KEYS)], newValue);
    }
}
