package dev.oktyv.profiles.calibration;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A vault-like {@code get}: AES-256-GCM decryption of a 1 KiB secret. Used to measure profiling overhead
 * (none vs {@code --profile cpu} vs {@code --profile jfr}) on a realistic, allocation-light hot path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AesGcmDecryptBenchmark {

    private SecretKey key;
    private byte[] iv;
    private byte[] ciphertext;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        key = kg.generateKey();
        iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        byte[] plain = new byte[1024];
        new SecureRandom().nextBytes(plain);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        ciphertext = c.doFinal(plain);
    }

    @Benchmark
    public byte[] get() throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return c.doFinal(ciphertext);
    }
}
