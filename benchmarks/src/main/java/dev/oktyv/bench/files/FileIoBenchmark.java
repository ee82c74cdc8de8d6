package dev.oktyv.bench.files;

import dev.oktyv.system.files.ConfinedFileStore;
import java.nio.file.Path;
import java.util.Random;
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

/**
 * File engine read and write at 4 KiB and 1 MiB. Writes are the atomic path (temp file 0600, rename); the pair
 * {@code writeDurable} (fsync before rename, the default) vs {@code writeNoFsync} measures what durability costs.
 * Reads come from the page cache after the first iteration: this measures the engine's path checks and copy, not
 * the disk. Score: operations per second; divide by the size for bytes/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FileIoBenchmark {

    @Param({"4096", "1048576"})
    public int sizeBytes;

    private Path root;
    private ConfinedFileStore durable;
    private ConfinedFileStore noFsync;
    private byte[] payload;

    @Setup(Level.Trial)
    public void setUp() {
        root = BenchStore.tempRoot();
        durable = BenchStore.open(root, true);
        noFsync = BenchStore.open(root, false);
        payload = new byte[sizeBytes];
        new Random(42).nextBytes(payload);
        durable.write("read-me.bin", payload);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchStore.delete(root);
    }

    @Benchmark
    public byte[] read() {
        return durable.read("read-me.bin");
    }

    @Benchmark
    public ConfinedFileStore writeDurable() {
        durable.write("written.bin", payload);
        return durable;
    }

    @Benchmark
    public ConfinedFileStore writeNoFsync() {
        noFsync.write("written-nofsync.bin", payload);
        return noFsync;
    }
}
