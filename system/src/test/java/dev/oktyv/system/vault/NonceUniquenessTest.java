package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonceUniquenessTest {

    @TempDir
    Path dir;

    /** A nonce as a value with equals: 8 + 4 bytes. */
    private record Nonce(long high, int low) {
        static Nonce of(byte[] nonce) {
            ByteBuffer b = ByteBuffer.wrap(nonce);
            return new Nonce(b.getLong(), b.getInt());
        }
    }

    @Test
    void theNonceSourceRepeatsNoNonceOverOneHundredThousandSets() {
        NonceSource source = NonceSource.strong();
        Set<Nonce> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            byte[] n = source.next();
            assertThat(n).hasSize(12);
            assertThat(seen.add(Nonce.of(n))).as("nonce %d repeats", i).isTrue();
        }
    }

    @Test
    void everyStoredRecordHasItsOwnNonce() throws InterruptedException {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("nonces", TestVaults.passphrase());
            Set<Nonce> seen = new HashSet<>();
            seen.add(Nonce.of(v.store().checkNonce()));
            // Eight writers, so nonces are also drawn inside shared group commits (and the test needs fewer fsyncs).
            Thread[] writers = new Thread[8];
            for (int t = 0; t < writers.length; t++) {
                int first = t;
                writers[t] = new Thread(() -> {
                    for (int i = first; i < 1_000; i += writers.length) {
                        v.set("k" + i, Secret.of("same value"));
                    }
                });
                writers[t].start();
            }
            for (Thread w : writers) {
                w.join();
            }
            // Overwrites of one key with one value must also get fresh nonces.
            for (int i = 0; i < 100; i++) {
                v.set("k0", Secret.of("same value"));
                assertThat(seen.add(Nonce.of(v.store().state.entries.get("k0").nonce().getIV()))).isTrue();
            }
            for (SealedValue sv : v.store().state.entries.values()) {
                if (!sv.key().equals("k0")) {
                    assertThat(seen.add(Nonce.of(sv.nonce().getIV()))).as(sv.key()).isTrue();
                }
            }
            assertThat(seen).hasSize(1 + 999 + 100);
        }
    }
}
