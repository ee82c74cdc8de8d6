package dev.oktyv.bench.files;

import dev.oktyv.bench.filestore.OpenedStore;
import dev.oktyv.bench.filestore.S3Settings;
import dev.oktyv.bench.filestore.StoreBackend;
import dev.oktyv.system.files.FileStore;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * File engine read and write at 4 KiB and 1 MiB. Writes are the atomic path (temp file 0600, rename); the pair
 * {@code writeDurable} (fsync before rename, the default) vs {@code writeNoFsync} measures what durability costs.
 * Reads come from the page cache after the first iteration: this measures the engine's path checks and copy, not
 * the disk. Score: operations per second; divide by the size for bytes/s.
 *
 * <p>{@code -p backend=s3} runs {@code read} and {@code writeDurable} against the S3 backend instead (one GET, one
 * PUT), configured by system properties ({@code -Doktyv.s3.endpoint=… -Doktyv.s3.url=s3://BUCKET/PREFIX}, see
 * {@link S3Settings#fromProperties}); run both backends in one JMH run for the s3/local ratio. S3 has no fsync, so
 * {@code writeNoFsync} is refused at set-up for it. The default (and the quick suite) is {@code local} only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FileIoBenchmark {

    @Param({"4096", "1048576"})
    public int sizeBytes;

    @Param({"local"})
    public String backend;

    private Path root;
    private OpenedStore s3;
    private FileStore durable;
    private FileStore noFsync;
    private byte[] payload;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        payload = new byte[sizeBytes];
        new Random(42).nextBytes(payload);
        if (StoreBackend.fromWire(backend) == StoreBackend.S3) {
            if (params.getBenchmark().endsWith(".writeNoFsync")) {
                throw new IllegalStateException("writeNoFsync does not apply to backend=s3: S3 has no fsync to skip;"
                        + " writeDurable is its write");
            }
            s3 = S3Settings.fromProperties(System::getProperty, System::getenv).open();
            durable = s3.store();
            noFsync = durable;
        } else {
            root = BenchStore.tempRoot();
            durable = BenchStore.open(root, true);
            noFsync = BenchStore.open(root, false);
        }
        durable.write("read-me.bin", payload);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (s3 != null) {
            s3.store().delete("read-me.bin");
            s3.store().delete("written.bin");
            s3.close();
        } else {
            BenchStore.delete(root);
        }
    }

    @Benchmark
    public byte[] read() {
        return durable.read("read-me.bin");
    }

    @Benchmark
    public FileStore writeDurable() {
        durable.write("written.bin", payload);
        return durable;
    }

    @Benchmark
    public FileStore writeNoFsync() {
        noFsync.write("written-nofsync.bin", payload);
        return noFsync;
    }
}
