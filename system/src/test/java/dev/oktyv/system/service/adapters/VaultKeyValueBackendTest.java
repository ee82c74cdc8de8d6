package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.VaultManager;
import dev.oktyv.system.time.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeyValueBackendTest {

    @TempDir
    Path dir;

    @Test
    void putGetDeleteAndAbsentVaultsAreNotCreated() {
        try (VaultManager manager = new VaultManager(dir, KdfParams.insecureForTestsOnly(1_000));
             Secret passphrase = Secret.of("service passphrase")) {
            VaultKeyValueBackend backend = new VaultKeyValueBackend(manager, passphrase);
            assertThat(backend.get("nothing-here", "k")).isEmpty();
            assertThat(backend.delete("nothing-here", "k")).isFalse();
            assertThat(manager.exists("nothing-here")).isFalse();

            try (Secret v = Secret.of("value-1")) {
                backend.put("app", "k", v);
            }
            Optional<Secret> got = backend.get("app", "k");
            assertThat(got).isPresent();
            assertThat(got.get().revealAsString()).isEqualTo("value-1");
            assertThat(backend.delete("app", "k")).isTrue();
            assertThat(backend.get("app", "k")).isEmpty();
            backend.closeAll();
        }
    }

    @Test
    void openVaultsAreCappedAndIdleOnesClosed() throws Exception {
        ManualTime time = new ManualTime();
        try (VaultManager manager = new VaultManager(dir, KdfParams.insecureForTestsOnly(1_000));
             Secret passphrase = Secret.of("service passphrase"); Secret v = Secret.of("value")) {
            VaultKeyValueBackend backend = new VaultKeyValueBackend(manager, passphrase, 2, Duration.ofMinutes(5), time);
            backend.put("a", "k", v);
            backend.put("b", "k", v);
            assertThat(backend.openVaults()).isEqualTo(2);
            // A third name does not open a third vault: the least recently used one is closed first.
            backend.put("c", "k", v);
            assertThat(backend.openVaults()).isEqualTo(2);
            assertThat(backend.get("a", "k")).isPresent(); // reopened on demand, the data is on disk
            assertThat(backend.openVaults()).isEqualTo(2);

            // Vaults not used for the idle time are closed on the next use of the backend.
            time.advance(Duration.ofMinutes(4));
            assertThat(backend.get("c", "k")).isPresent();
            time.advance(Duration.ofMinutes(2)); // a: 6 min idle, c: 2 min
            assertThat(backend.get("c", "k")).isPresent();
            assertThat(backend.openVaults()).isEqualTo(1);
            backend.closeAll();
            assertThat(backend.openVaults()).isZero();
        }
    }

    @Test
    void capAndIdleTimeAreValidated() {
        try (VaultManager manager = new VaultManager(dir, KdfParams.insecureForTestsOnly(1_000));
             Secret passphrase = Secret.of("service passphrase")) {
            assertThatThrownBy(() -> new VaultKeyValueBackend(manager, passphrase, 0, Duration.ofMinutes(1), new ManualTime()))
                    .hasMessageContaining("maxOpenVaults").hasMessageContaining("0");
            assertThatThrownBy(() -> new VaultKeyValueBackend(manager, passphrase, 4, Duration.ZERO, new ManualTime()))
                    .hasMessageContaining("idleTimeout").hasMessageContaining("PT0S");
        }
    }

    @Test
    void aVaultWithAnotherPassphraseIsForbiddenWithoutDetail() {
        try (VaultManager manager = new VaultManager(dir, KdfParams.insecureForTestsOnly(1_000));
             Secret mine = Secret.of("mine-mine-mine"); Secret theirs = Secret.of("theirs-theirs")) {
            manager.create("foreign", theirs).close();
            VaultKeyValueBackend backend = new VaultKeyValueBackend(manager, mine);
            assertThatThrownBy(() -> backend.get("foreign", "k")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.getMessage()).doesNotContain(dir.toString()).doesNotContain("mine").doesNotContain("theirs");
            });
        }
    }
}
