package dev.oktyv.bench.vault;

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

/**
 * The floors under the vault's figures, measured in the same run so that ratios stay meaningful on a shared
 * machine whose absolute speed changes from minute to minute. This one is a bare JCE AES-GCM decryption, the
 * floor of {@code get}; {@link FsyncBaselineBenchmark} is the floor of a durable {@code set}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CryptoBaselineBenchmark {

    @Param({"32", "1024", "16384"})
    public int valueBytes;

    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
    private final GCMParameterSpec nonce = new GCMParameterSpec(128, new byte[12]);
    private final byte[] aad = new byte[40];
    private Cipher cipher;
    private byte[] sealed;
    private byte[] plain;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, nonce);
        cipher.updateAAD(aad);
        sealed = cipher.doFinal(new byte[valueBytes]);
        plain = new byte[valueBytes];
    }

    /** What {@code get} cannot beat: one cipher init and one decryption of a value of this size. */
    @Benchmark
    public byte[] aesGcmDecrypt() throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, nonce);
        cipher.updateAAD(aad);
        cipher.doFinal(sealed, 0, sealed.length, plain, 0);
        return plain;
    }
}
