package dev.oktyv.bench.vault;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultCommitStats;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The original suite's headline workload: 90 % get, 10 % durable set on one shared vault. Two methods so the
 * thread count is part of the benchmark id ({@code mix_1thread}, {@code mix_4threads}) and results of the
 * two never mix. With 4 threads, sets that overlap share one fdatasync (group commit).
 *
 * <p>Secondary results show whether they do: {@code sets} is durable sets per second, {@code fsyncs} the
 * engine's own commit fdatasyncs per second ({@link Vault#commitStats()}); their quotient is sets per fsync.
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

    /**
     * Durable sets completed and the engine's fdatasyncs, as rates: JMH divides OPERATIONS counters by the
     * iteration time and sums them over the threads. Sets are counted per thread; the commit counter is the
     * vault's, so only thread 0 reports it and the sum is the vault's figure. {@code sets / fsyncs} is the number
     * of sets that shared one fdatasync. (EVENTS counters would be summed over iterations, so no ratio here.)
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class CommitRates {
        public long sets;
        private Vault vault;
        private boolean reports;
        private VaultCommitStats start;

        @Setup(Level.Iteration)
        public void start(VaultMixBenchmark benchmark, ThreadParams thread) {
            sets = 0;
            vault = benchmark.bench.vault;
            reports = thread.getThreadIndex() == 0;
            start = vault.commitStats();
        }

        public long fsyncs() {
            return reports ? vault.commitStats().since(start).commits() : 0;
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
    public void mix_1thread(Cursor cursor, CommitRates rates, Blackhole bh) {
        mix(cursor, rates, bh);
    }

    @Benchmark
    @Threads(4)
    public void mix_4threads(Cursor cursor, CommitRates rates, Blackhole bh) {
        mix(cursor, rates, bh);
    }

    private void mix(Cursor cursor, CommitRates rates, Blackhole bh) {
        int dice = cursor.random.nextInt(10);
        String key = bench.keys[cursor.random.nextInt(BenchVault.KEYS)];
        if (dice == 0) {
            bench.vault.set(key, newValue);
            rates.sets++;
        } else {
            bh.consume(bench.vault.get(key));
        }
    }
}
