package dev.oktyv.bench.files;

import dev.oktyv.system.files.ConfinedFileStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * What confinement costs a small read, as a same-run pair that {@code analyze}'s paired-variants rule reads
 * ({@code variant=confined} vs {@code variant=baseline}): the File engine's read (path screening and
 * normalisation, the symlink walk, the {@code openat}/{@code O_NOFOLLOW} walk from the root, the size bound)
 * against a plain NIO read of the same page-cached file (open, size, one read, close). The ratio is the price of
 * the checks; {@link FileIoBenchmark#read} is the engine figure at more sizes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FileReadBenchmark {

    static final String FILE = "read-me.bin";

    @Param({"confined", "baseline"})
    public String variant;

    @Param({"4096"})
    public int sizeBytes;

    private Path root;
    private Path file;
    private ConfinedFileStore store;
    private boolean confined;

    @Setup(Level.Trial)
    public void setUp() {
        confined = switch (variant) {
            case "confined" -> true;
            case "baseline" -> false;
            default -> throw new IllegalArgumentException("variant must be confined or baseline, was " + variant);
        };
        root = BenchStore.tempRoot();
        store = BenchStore.open(root, true);
        byte[] payload = new byte[sizeBytes];
        new Random(42).nextBytes(payload);
        store.write(FILE, payload);
        file = root.resolve(FILE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchStore.delete(root);
    }

    @Benchmark
    public byte[] read() throws IOException {
        return confined ? store.read(FILE) : plainRead(file);
    }

    /** The floor: what any Java program pays to read a small file it already knows the path of. */
    static byte[] plainRead(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) ch.size());
            while (buffer.hasRemaining()) {
                if (ch.read(buffer) < 0) {
                    break;
                }
            }
            return buffer.array();
        }
    }
}
