package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdfDefaultsTest {

    @TempDir
    Path dir;

    /** The one test that pays for a real derivation (twice: create and open). */
    @Test
    void theDefaultIsAtLeast600kIterationsAndIsStoredInTheHeader() throws Exception {
        assertThat(KdfParams.defaults().iterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(KdfParams.defaults().isInsecure()).isFalse();
        try (VaultManager m = new VaultManager(dir)) {
            assertThat(m.kdf().iterations()).isGreaterThanOrEqualTo(600_000);
            m.create("real", Secret.of("a real passphrase")).set("k", Secret.of("v"));
        }
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(VaultStore.vaultFile(dir, "real")));
        assertThat(header.getShort(4)).as("format version").isEqualTo((short) VaultHeader.FORMAT_VERSION);
        assertThat(header.get(6)).as("algorithm id").isEqualTo((byte) KdfAlgorithm.PBKDF2_HMAC_SHA256.headerId());
        assertThat(header.get(7)).as("salt length").isEqualTo((byte) 16);
        assertThat(header.getInt(8)).as("iterations").isEqualTo(KdfParams.DEFAULT_ITERATIONS)
                .isGreaterThanOrEqualTo(600_000);
        try (VaultManager m = new VaultManager(dir)) {
            assertThat(TestVaults.reveal(m.open("real", Secret.of("a real passphrase")), "k")).isEqualTo("v");
        }
    }

    @Test
    void fewerIterationsNeedTheExplicitlyInsecureSetting() {
        assertThatThrownBy(() -> KdfParams.ofIterations(599_999)).hasMessageContaining("599999");
        assertThat(KdfParams.insecureForTestsOnly(10).iterations()).isEqualTo(10);
        assertThat(KdfParams.insecureForTestsOnly(10).toString()).contains("INSECURE");
        assertThatThrownBy(() -> KdfParams.insecureForTestsOnly(0)).hasMessageContaining("iterations 0");
    }

    @Test
    void aSecureManagerRefusesToOpenAWeaklyDerivedVault() {
        try (VaultManager weak = TestVaults.manager(dir)) {
            weak.create("weak", TestVaults.passphrase());
        }
        try (VaultManager secure = new VaultManager(dir)) {
            assertThatThrownBy(() -> secure.open("weak", TestVaults.passphrase()))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("'weak'").hasMessageContaining(" " + TestVaults.TEST_ITERATIONS + " ").hasMessageContaining("600000");
        }
    }
}
