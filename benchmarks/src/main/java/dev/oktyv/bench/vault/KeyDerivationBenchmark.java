package dev.oktyv.bench.vault;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfAlgorithm;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.KeyDerivation;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The price of opening a vault: one PBKDF2-HMAC-SHA256 derivation at the default iteration count. SingleShot,
 * because one call takes long enough (hundreds of ms) to time on its own, and what matters is the cold cost a
 * user waits for at open, not a hot loop. The cost is deliberate: it is what an attacker pays per guess.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class KeyDerivationBenchmark {

    @Param({"" + KdfParams.DEFAULT_ITERATIONS})
    public int iterations;

    private final Secret passphrase = Secret.of("correct horse battery staple");
    private final byte[] salt = new byte[KdfParams.SALT_BYTES];

    @Benchmark
    public SecretKey derive() {
        return KeyDerivation.derive(KdfAlgorithm.PBKDF2_HMAC_SHA256, passphrase, salt, iterations);
    }
}
