package dev.oktyv.system.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTokenStoreTest {

    private static final Secret PASSPHRASE = Secret.of("token store passphrase");

    @TempDir
    Path dir;

    private static OAuthToken token(String access, String refresh) {
        return new OAuthToken(Secret.of(access), Optional.of(Secret.of(refresh)), Instant.parse("2026-12-03T12:00:00Z"),
                "Bearer", "read write");
    }

    @Test
    void tokensSurviveReopeningTheVaultAndLiveUnderTheirOwnPrefix() {
        try (VaultManager m = new VaultManager(dir, KdfParams.insecureForTestsOnly(10));
             Vault vault = m.create("tokens", PASSPHRASE)) {
            vault.set("db-password", Secret.of("unrelated credential"));
            new VaultTokenStore(vault).put("crm", token("access-one-123456", "refresh-one-123456"));
        }
        try (VaultManager m = new VaultManager(dir, KdfParams.insecureForTestsOnly(10));
             Vault vault = m.open("tokens", PASSPHRASE)) {
            VaultTokenStore store = new VaultTokenStore(vault);
            OAuthToken back = store.get("crm").orElseThrow();
            assertThat(back.accessToken().revealAsString()).isEqualTo("access-one-123456");
            assertThat(back.refreshToken().orElseThrow().revealAsString()).isEqualTo("refresh-one-123456");
            assertThat(back.expiresAt()).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
            assertThat(vault.list()).containsExactlyInAnyOrder("db-password", "oauth-token.crm");
            assertThat(store.get("other")).isEmpty();
            store.delete("crm");
            assertThat(store.get("crm")).isEmpty();
            assertThat(vault.get("db-password")).isPresent();
            assertThat(store.toString()).isEqualTo("VaultTokenStore[tokens]");
        }
    }
}
