package dev.oktyv.system.vault;

import static dev.oktyv.system.vault.TestVaults.passphrase;
import static dev.oktyv.system.vault.TestVaults.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void valuesSurviveCloseAndReopen() {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("prod", passphrase());
            v.set("db.password", Secret.of("hunter2"));
            v.set("api_token", Secret.of("tök€n-✓-𝄞")); // multi-byte UTF-8, including a surrogate pair
            v.set("db.password", Secret.of("hunter3"));
            assertThat(reveal(v, "db.password")).isEqualTo("hunter3");
            v.close();
        }
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("prod", passphrase());
            assertThat(reveal(v, "db.password")).isEqualTo("hunter3");
            assertThat(reveal(v, "api_token")).isEqualTo("tök€n-✓-𝄞");
            assertThat(v.list()).containsExactly("api_token", "db.password");
            assertThat(v.exists("api_token")).isTrue();
            assertThat(v.delete("api_token")).isTrue();
            assertThat(v.delete("api_token")).isFalse();
            assertThat(v.exists("api_token")).isFalse();
            assertThat(v.get("api_token")).isEmpty();
        }
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThat(m.open("prod", passphrase()).list()).containsExactly("db.password");
        }
    }

    @Test
    void emptyAndLargeValues() {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("sizes", passphrase());
            v.set("empty", Secret.of(""));
            String big = "x".repeat(RecordCodec.MAX_VALUE_BYTES);
            v.set("big", Secret.of(big));
            assertThat(reveal(v, "empty")).isEmpty();
            assertThat(reveal(v, "big")).isEqualTo(big);
            assertThatThrownBy(() -> v.set("huge", Secret.of(big + "y")))
                    .hasMessageContaining("'huge'").hasMessageContaining("1048577 bytes");
        }
    }

    @Test
    void managesNamedVaults() {
        try (VaultManager m = TestVaults.manager(dir.resolve("nested/vaults"))) {
            assertThat(m.listVaults()).isEmpty();
            m.create("b-vault", passphrase());
            m.create("a-vault", passphrase());
            assertThat(m.listVaults()).containsExactly("a-vault", "b-vault");
            assertThat(m.exists("a-vault")).isTrue();
            assertThatThrownBy(() -> m.create("a-vault", passphrase())).hasMessageContaining("'a-vault' already exists");
            assertThat(m.deleteVault("a-vault")).isTrue();
            assertThat(m.deleteVault("a-vault")).isFalse();
            assertThat(m.listVaults()).containsExactly("b-vault");
            assertThatThrownBy(() -> m.open("a-vault", passphrase()))
                    .isInstanceOf(VaultNotFoundException.class).hasMessageContaining("'a-vault'");
        }
    }

    @Test
    void deleteVaultClosesOpenInstances() {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("gone", passphrase());
            m.deleteVault("gone");
            assertThatThrownBy(() -> v.get("k")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void badNamesAreRejectedWithTheBadValue() {
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThatThrownBy(() -> m.create("Prod", passphrase())).hasMessageContaining("'Prod'")
                    .hasMessageContaining("^[a-z0-9-]{1,50}$");
            assertThatThrownBy(() -> m.create("a".repeat(51), passphrase())).hasMessageContaining("a".repeat(51));
            assertThatThrownBy(() -> m.create("../etc", passphrase())).hasMessageContaining("'../etc'");
            assertThatThrownBy(() -> m.create("", passphrase())).hasMessageContaining("''");
            Vault v = m.create("ok", passphrase());
            assertThatThrownBy(() -> v.set("has space", Secret.of("x"))).hasMessageContaining("'has space'")
                    .hasMessageContaining("^[A-Za-z0-9._-]{1,128}$");
            assertThatThrownBy(() -> v.get("k".repeat(129))).hasMessageContaining("k".repeat(129));
            assertThatThrownBy(() -> v.get("ü")).hasMessageContaining("'ü'");
            assertThatThrownBy(() -> v.delete(null)).hasMessageContaining("key name must not be null");
            assertThat(VaultNames.requireKeyName("A.b_c-9")).isEqualTo("A.b_c-9");
            assertThat(VaultNames.requireKeyName("k".repeat(128))).hasSize(128);
            assertThatThrownBy(() -> m.create("x", Secret.of(""))).hasMessageContaining("passphrase must not be empty");
        }
    }

    /** NIO closes a channel when its user is interrupted; one interrupted writer must not break the vault. */
    @Test
    void anInterruptedWriterFailsAloneAndTheVaultKeepsWorking() throws Exception {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("interrupts", passphrase());
            v.set("before", Secret.of("1"));
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    v.set("interrupted", Secret.of("2"));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            writer.start();
            writer.join();
            assertThat(failure.get()).isInstanceOf(VaultException.class).hasMessageContaining("'interrupts'");
            v.set("after", Secret.of("3"));
            assertThat(reveal(v, "after")).isEqualTo("3");
        }
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("interrupts", passphrase());
            assertThat(v.list()).contains("before", "after");
        }
    }

    @Test
    void nothingPrintsTheSecret() {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("quiet", passphrase());
            v.set("k", Secret.of("s3cr3t-value"));
            assertThat(v.toString()).doesNotContain("s3cr3t-value");
            assertThat(m.toString()).doesNotContain(TestVaults.PASSPHRASE);
            assertThat(v.get("k").orElseThrow().toString()).isEqualTo("Secret[redacted]");
            assertThat(v.store().state.entries.get("k").toString()).doesNotContain("s3cr3t");
        }
    }
}
