package dev.oktyv.bench.files;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.Digest;
import dev.oktyv.system.files.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hash throughput of a 16 MiB file (page-cached). Each invocation hashes the whole file and counts as
 * {@value #MIB} operations, so the JMH score in ops/s <em>is</em> MiB/s. Pair: the engine ({@code hash}, 128 KiB
 * reads into a heap array, MessageDigest with the SHA intrinsics) vs a 512-byte read loop (the small-buffer
 * copy loop the original used).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class HashBenchmark {

    static final int MIB = 16;

    private Path root;
    private ConfinedFileStore store;

    @Setup(Level.Trial)
    public void setUp() {
        root = BenchStore.tempRoot();
        store = BenchStore.open(root, false);
        byte[] data = new byte[MIB << 20];
        new Random(1).nextBytes(data);
        store.write("data.bin", data);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchStore.delete(root);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public Digest sha256MiBPerSecond() {
        return store.hash("data.bin", HashAlgorithm.SHA_256);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public Digest sha512MiBPerSecond() {
        return store.hash("data.bin", HashAlgorithm.SHA_512);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public byte[] sha256SmallBufferMiBPerSecond() throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[512];
        try (InputStream in = Files.newInputStream(root.resolve("data.bin"))) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return md.digest();
    }
}
