package dev.oktyv.bench.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor of a single-threaded durable {@code set}, measured in the same run and the same kind of directory
 * as the vault benchmarks: append 100 bytes, then fdatasync. {@code set / appendFdatasync} is the vault's
 * overhead over the disk; it stays meaningful when the shared machine's absolute speed does not.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FsyncBaselineBenchmark {

    private Path dir;
    private FileChannel log;
    private final ByteBuffer record = ByteBuffer.allocate(100);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String parent = System.getProperty("oktyv.bench.vault.dir");
        dir = parent == null ? Files.createTempDirectory("oktyv-fsync-baseline")
                : Files.createTempDirectory(Files.createDirectories(Path.of(parent)), "oktyv-fsync-baseline");
        log = FileChannel.open(dir.resolve("append.log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        Files.delete(dir.resolve("append.log"));
        Files.delete(dir);
    }

    @Benchmark
    public long appendFdatasync() throws IOException {
        record.clear();
        long at = log.size();
        log.write(record, at);
        log.force(false);
        return at;
    }
}
