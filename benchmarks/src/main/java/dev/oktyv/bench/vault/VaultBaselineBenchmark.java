package dev.oktyv.bench.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * The floors under the vault's figures, measured in the same run so that ratios stay meaningful on a shared
 * machine whose absolute speed changes from minute to minute: a bare JCE AES-GCM decryption (the floor of
 * {@code get}) and a bare 100-byte append plus fdatasync in the same directory (the floor of a durable
 * {@code set}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class VaultBaselineBenchmark {

    @Param({"32", "1024", "16384"})
    public int valueBytes;

    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
    private final GCMParameterSpec nonce = new GCMParameterSpec(128, new byte[12]);
    private final byte[] aad = new byte[40];
    private Cipher cipher;
    private byte[] sealed;
    private byte[] plain;

    private Path dir;
    private FileChannel log;
    private final ByteBuffer record = ByteBuffer.allocate(100);

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, IOException {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, nonce);
        cipher.updateAAD(aad);
        sealed = cipher.doFinal(new byte[valueBytes]);
        plain = new byte[valueBytes];
        String parent = System.getProperty("oktyv.bench.vault.dir");
        dir = parent == null ? Files.createTempDirectory("oktyv-vault-baseline")
                : Files.createTempDirectory(Files.createDirectories(Path.of(parent)), "oktyv-vault-baseline");
        log = FileChannel.open(dir.resolve("append.log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        Files.delete(dir.resolve("append.log"));
        Files.delete(dir);
    }

    /** What {@code get} cannot beat: one cipher init and one decryption of a value of this size. */
    @Benchmark
    public byte[] aesGcmDecrypt() throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, nonce);
        cipher.updateAAD(aad);
        cipher.doFinal(sealed, 0, sealed.length, plain, 0);
        return plain;
    }

    /** What a single-threaded durable {@code set} cannot beat (valueBytes does not apply; 100 bytes). */
    @Benchmark
    public long appendFdatasync() throws IOException {
        record.clear();
        long at = log.size();
        log.write(record, at);
        log.force(false);
        return at;
    }
}
