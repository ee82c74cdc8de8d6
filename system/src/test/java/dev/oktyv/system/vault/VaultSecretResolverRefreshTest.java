package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials rotated or deleted by another vault instance (another process in production) must be what the
 * resolver serves next, not the value it saw first.
 */
class VaultSecretResolverRefreshTest {

    private static final SecretReference DB = SecretReference.parse("vault:prod/db.password").orElseThrow();

    @TempDir
    Path dir;

    @Test
    void aRotationOrDeletionByAnotherInstanceIsServedAtTheNextResolve() {
        try (VaultManager ours = TestVaults.manager(dir); VaultManager theirs = TestVaults.manager(dir)) {
            ours.create("prod", TestVaults.passphrase()).set("db.password", Secret.of("first"));
            try (VaultSecretResolver resolver = new VaultSecretResolver(ours, n -> TestVaults.passphrase())) {
                assertThat(resolver.resolve(DB).revealAsString()).isEqualTo("first");
                Vault other = theirs.open("prod", TestVaults.passphrase());
                other.set("db.password", Secret.of("second"));
                assertThat(resolver.resolve(DB).revealAsString()).isEqualTo("second");
                other.delete("db.password");
                assertThatThrownBy(() -> resolver.resolve(DB)).isInstanceOf(SecretNotFoundException.class);
                other.set("db.password", Secret.of("third"));
                assertThat(resolver.resolve(DB).revealAsString()).isEqualTo("third");
                theirs.deleteVault("prod");
                assertThatThrownBy(() -> resolver.resolve(DB)).isInstanceOf(SecretNotFoundException.class);
            }
        }
    }

    @Test
    void aRotationByAnotherProcessIsServedAtTheNextResolve() throws Exception {
        try (VaultManager ours = TestVaults.manager(dir)) {
            ours.create("prod", TestVaults.passphrase()).set("db.password", Secret.of("first"));
            try (VaultSecretResolver resolver = new VaultSecretResolver(ours, n -> TestVaults.passphrase())) {
                assertThat(resolver.resolve(DB).revealAsString()).isEqualTo("first");
                runChild("db.password", "rotated-by-child");
                assertThat(resolver.resolve(DB).revealAsString()).isEqualTo("rotated-by-child");
                runChild("db.password");
                assertThatThrownBy(() -> resolver.resolve(DB)).isInstanceOf(SecretNotFoundException.class);
            }
        }
    }

    private void runChild(String... keyAndValue) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VaultRotateChild.class.getName(), dir.toString(), "prod"));
        command.addAll(java.util.List.of(keyAndValue));
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child finished within 60 s").isTrue();
        assertThat(p.exitValue()).as("child exit code").isZero();
    }
}
