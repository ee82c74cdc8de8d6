package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.VaultManager;
import java.nio.file.Path;
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
