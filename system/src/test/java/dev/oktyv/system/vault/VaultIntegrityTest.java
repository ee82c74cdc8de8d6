package dev.oktyv.system.vault;

import static dev.oktyv.system.vault.TestVaults.passphrase;
import static dev.oktyv.system.vault.TestVaults.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultIntegrityTest {

    private static final String SECRET = "the-plaintext-secret";

    @TempDir
    Path dir;

    private Path threeRecordVault() {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("vault-a", passphrase());
            v.set("first", Secret.of(SECRET));
            v.set("second", Secret.of(SECRET + "-2"));
            v.delete("first");
        }
        return VaultStore.vaultFile(dir, "vault-a");
    }

    @Test
    void wrongPassphraseIsAnAuthenticationFailure() {
        threeRecordVault();
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThatThrownBy(() -> m.open("vault-a", Secret.of("not the passphrase")))
                    .isExactlyInstanceOf(VaultAuthenticationException.class)
                    .hasMessage("wrong passphrase for vault 'vault-a'");
        }
    }

    @Test
    void everyFlippedByteIsDetected() throws IOException {
        Path file = threeRecordVault();
        byte[] original = Files.readAllBytes(file);
        assertThat(original.length).isGreaterThan(VaultHeader.LENGTH + 3 * 30);
        // Every byte: the header (checksummed) and all three records (a PUT, a PUT, a DELETE tombstone).
        for (int i = 0; i < original.length; i++) {
            byte[] damaged = original.clone();
            damaged[i] ^= 0x01;
            Files.write(file, damaged);
            try (VaultManager m = TestVaults.manager(dir)) {
                m.open("vault-a", passphrase());
                fail("flipping the low bit of byte " + i + " was not detected");
            } catch (VaultCorruptedException e) {
                assertThat(e.getMessage()).contains("'vault-a'").doesNotContain(SECRET)
                        .doesNotContain(TestVaults.PASSPHRASE);
            }
        }
        for (int i = VaultHeader.LENGTH; i < original.length; i++) {
            byte[] damaged = original.clone();
            damaged[i] ^= (byte) 0x80;
            Files.write(file, damaged);
            try (VaultManager m = TestVaults.manager(dir)) {
                assertThatThrownBy(() -> m.open("vault-a", passphrase()))
                        .as("high bit of record byte %d", i).isInstanceOf(VaultCorruptedException.class);
            }
        }
        Files.write(file, original);
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThat(reveal(m.open("vault-a", passphrase()), "second")).isEqualTo(SECRET + "-2");
        }
    }

    @Test
    void everyTruncationIsDetected() throws IOException {
        Path file = threeRecordVault();
        byte[] original = Files.readAllBytes(file);
        for (int length = 0; length < original.length; length++) {
            Files.write(file, Arrays.copyOf(original, length));
            try (VaultManager m = TestVaults.manager(dir)) {
                assertThatThrownBy(() -> m.open("vault-a", passphrase()))
                        .as("truncated to %d bytes", length)
                        .isInstanceOf(VaultCorruptedException.class)
                        .hasMessageContaining("'vault-a'");
            }
        }
    }

    @Test
    void anUnacknowledgedTornAppendIsDroppedAndOverwritten() throws IOException {
        Path file = threeRecordVault();
        // What a writer killed between appending and updating the header leaves: bytes past the committed length.
        Files.write(file, new byte[] {0, 0, 0, 90, 1, 3, 'a', 'b'}, StandardOpenOption.APPEND);
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("vault-a", passphrase());
            assertThat(v.list()).containsExactly("second");
            v.set("third", Secret.of("3"));
        }
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("vault-a", passphrase());
            assertThat(v.list()).containsExactly("second", "third");
            assertThat(reveal(v, "third")).isEqualTo("3");
        }
    }

    @Test
    void aRecordCopiedIntoAnotherVaultDoesNotAuthenticate() throws IOException {
        Path a = threeRecordVault();
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("vault-b", passphrase()).close();
        }
        // Same passphrase, but another salt (so key) and another vault name in the AAD.
        byte[] recordsOfA = Arrays.copyOfRange(Files.readAllBytes(a), VaultHeader.LENGTH, (int) Files.size(a));
        Path b = VaultStore.vaultFile(dir, "vault-b");
        Files.write(b, recordsOfA, StandardOpenOption.APPEND);
        try (VaultManager m = TestVaults.manager(dir)) {
            // Past the committed length, so treated as an unacknowledged tail: not applied.
            assertThat(m.open("vault-b", passphrase()).list()).isEmpty();
        }
    }

    @Test
    void twoVaultsWithOnePassphraseShareNoSaltNorCiphertext() throws IOException {
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("one", passphrase()).set("k", Secret.of(SECRET));
            m.create("two", passphrase()).set("k", Secret.of(SECRET));
        }
        byte[] one = Files.readAllBytes(VaultStore.vaultFile(dir, "one"));
        byte[] two = Files.readAllBytes(VaultStore.vaultFile(dir, "two"));
        assertThat(Arrays.copyOfRange(one, 12, 28)).isNotEqualTo(Arrays.copyOfRange(two, 12, 28));
        int recordStart = VaultHeader.LENGTH;
        assertThat(one.length).isEqualTo(two.length);
        assertThat(Arrays.copyOfRange(one, recordStart + 7, one.length))
                .isNotEqualTo(Arrays.copyOfRange(two, recordStart + 7, two.length));
        for (byte[] file : new byte[][] {one, two}) {
            assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        }
    }
}
