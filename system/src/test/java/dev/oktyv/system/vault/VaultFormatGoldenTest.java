package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals format version 2. The writer must produce the checked-in file byte for byte (given the same salt and
 * nonces), and this build must read the checked-in file, so a format change cannot slip in unnoticed and old
 * vaults keep opening. Regenerate only for a deliberate format change:
 * {@code mvn -pl system test -Dtest=VaultFormatGoldenTest -Doktyv.golden.update=true}, then bump the version.
 */
class VaultFormatGoldenTest {

    private static final String GOLDEN = "golden-v2.vault";
    /** Written by the version-1 build; must still open, and is upgraded to the current version on open. */
    private static final String GOLDEN_V1 = "golden-v1.vault";
    /** Fixed here, not shared with other tests: it is part of the golden bytes. */
    private static final int GOLDEN_ITERATIONS = 1_000;
    private static final KdfParams GOLDEN_KDF = KdfParams.insecureForTestsOnly(GOLDEN_ITERATIONS);

    @TempDir
    Path dir;

    /** Counts up instead of being random, so the file is reproducible. Test use only. */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private byte next;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = next++;
            }
        }
    }

    private byte[] writeReferenceVault() throws IOException {
        try (VaultManager m = new VaultManager(dir, GOLDEN_KDF, new NonceSource(new CountingRandom()))) {
            Vault v = m.create("golden", Secret.of("golden passphrase"));
            v.set("db.password", Secret.of("hunter2"));
            v.set("api-token", Secret.of("tök€n"));
            v.delete("db.password");
            v.set("empty", Secret.of(""));
        }
        return Files.readAllBytes(VaultStore.vaultFile(dir, "golden"));
    }

    @Test
    void theWriterProducesTheGoldenFile() throws IOException {
        byte[] written = writeReferenceVault();
        if (Boolean.getBoolean("oktyv.golden.update")) {
            Files.write(Path.of("src/test/resources/dev/oktyv/system/vault", GOLDEN), written);
        }
        assertThat(written).isEqualTo(golden());
    }

    @Test
    void theGoldenFileOpensAndHoldsItsValues() throws IOException {
        byte[] golden = golden();
        ByteBuffer header = ByteBuffer.wrap(golden);
        assertThat(new String(golden, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("OKVT");
        assertThat(header.getShort(4)).isEqualTo((short) VaultHeader.FORMAT_VERSION);
        assertThat(header.getInt(8)).isEqualTo(GOLDEN_ITERATIONS);
        assertThat(header.getLong(VaultHeader.COMMITTED_OFFSET)).isEqualTo(golden.length);
        Files.createDirectories(dir);
        Files.write(VaultStore.vaultFile(dir, "golden"), golden);
        try (VaultManager m = new VaultManager(dir, GOLDEN_KDF)) {
            Vault v = m.open("golden", Secret.of("golden passphrase"));
            assertThat(v.list()).containsExactly("api-token", "empty");
            assertThat(TestVaults.reveal(v, "api-token")).isEqualTo("tök€n");
            assertThat(TestVaults.reveal(v, "empty")).isEmpty();
        }
    }

    @Test
    void aVersionOneFileOpensAndIsUpgradedToTheCurrentVersion() throws IOException {
        byte[] v1 = golden(GOLDEN_V1);
        assertThat(ByteBuffer.wrap(v1).getShort(4)).isEqualTo((short) 1);
        Files.createDirectories(dir);
        Path file = VaultStore.vaultFile(dir, "golden");
        Files.write(file, v1);
        try (VaultManager m = new VaultManager(dir, GOLDEN_KDF)) {
            Vault v = m.open("golden", Secret.of("golden passphrase"));
            assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getShort(4))
                    .isEqualTo((short) VaultHeader.FORMAT_VERSION);
            assertThat(v.list()).containsExactly("api-token", "empty");
            v.set("after-upgrade", Secret.of("1"));
        }
        try (VaultManager m = new VaultManager(dir, GOLDEN_KDF)) {
            Vault v = m.open("golden", Secret.of("golden passphrase"));
            assertThat(TestVaults.reveal(v, "api-token")).isEqualTo("tök€n");
            assertThat(TestVaults.reveal(v, "after-upgrade")).isEqualTo("1");
        }
    }

    private static byte[] golden() throws IOException {
        return golden(GOLDEN);
    }

    private static byte[] golden(String resource) throws IOException {
        try (InputStream in = VaultFormatGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            return in.readAllBytes();
        }
    }
}
