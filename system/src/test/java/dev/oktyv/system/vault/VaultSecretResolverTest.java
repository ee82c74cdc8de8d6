package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultSecretResolverTest {

    @TempDir
    Path dir;

    @Test
    void resolvesReferencesAndOpensEachVaultOnce() {
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("prod", TestVaults.passphrase()).set("db.password", Secret.of("hunter2"));
            AtomicInteger asked = new AtomicInteger();
            try (VaultSecretResolver resolver = new VaultSecretResolver(m, name -> {
                asked.incrementAndGet();
                return TestVaults.passphrase();
            })) {
                SecretReference ref = SecretReference.parse("vault:prod/db.password").orElseThrow();
                assertThat(resolver.resolve(ref).revealAsString()).isEqualTo("hunter2");
                assertThat(resolver.resolve(ref).revealAsString()).isEqualTo("hunter2");
                assertThat(asked).hasValue(1);
                assertThatThrownBy(() -> resolver.resolve(new SecretReference("prod", "missing")))
                        .isInstanceOf(SecretNotFoundException.class).hasMessage("no secret at vault:prod/missing");
                assertThatThrownBy(() -> resolver.resolve(new SecretReference("nope", "k")))
                        .isInstanceOf(SecretNotFoundException.class).hasMessage("no secret at vault:nope/k");
            }
        }
    }

    @Test
    void aWrongPassphraseIsNotDisguisedAsNotFound() {
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("prod", TestVaults.passphrase());
            try (VaultSecretResolver resolver = new VaultSecretResolver(m, name -> Secret.of("wrong"))) {
                assertThatThrownBy(() -> resolver.resolve(new SecretReference("prod", "k")))
                        .isInstanceOf(VaultAuthenticationException.class).hasMessageNotContaining("wrong\"");
            }
        }
    }
}
