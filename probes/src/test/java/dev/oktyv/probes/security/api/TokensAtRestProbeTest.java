package dev.oktyv.probes.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.api.oauth.InMemoryTokenStore;
import dev.oktyv.system.api.oauth.OAuthToken;
import dev.oktyv.system.api.oauth.TokenCodec;
import dev.oktyv.system.api.oauth.TokenStore;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The at-rest probe passes on the vault-backed store and fails on a plain file store and on a memory-only one. */
@Timeout(60)
class TokensAtRestProbeTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(TokenStoreTarget stores) throws Exception {
        return new TokensAtRestProbe().run(SecurityTarget.builder().scratchDir(scratch)
                .with(TokenStoreTarget.class, stores).build());
    }

    @Test
    void passesForTheVaultBackedStore() throws Exception {
        ProbeOutcome o = run(new EngineTokenStoreTarget(KdfParams.insecureForTestsOnly(10)));
        assertThat(o.verdict()).as(String.valueOf(o.evidence())).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.evidence()).anyMatch(e -> e.matches("scanned [1-9]\\d* files, .* for 6 tokens"));
    }

    @Test
    void failsForAStoreThatWritesTheTokenJsonToAPlainFile() throws Exception {
        ProbeOutcome o = run(new PlainFileStore());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence()).anyMatch(e -> e.contains("access token #0 found as plain UTF-8"))
                .anyMatch(e -> e.contains("refresh token #2 found as plain UTF-8"));
    }

    @Test
    void failsForAStoreThatKeepsTokensOnlyInMemory() throws Exception {
        ProbeOutcome o = run(new MemoryOnlyStore());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence()).anyMatch(e -> e.contains("left no file on disk"))
                .anyMatch(e -> e.contains("did not read back after reopening"));
    }

    @Test
    void notRunWithoutATarget() throws Exception {
        ProbeOutcome o = new TokensAtRestProbe().run(SecurityTarget.builder().scratchDir(scratch).build());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
    }

    /** Weakened: each token's codec JSON in its own file, unencrypted (what a quick "persist tokens" patch does). */
    private static final class PlainFileStore implements TokenStoreTarget {
        @Override
        public String description() {
            return "plain JSON files";
        }

        @Override
        public OpenTokenStore open(Path directory) {
            return OpenTokenStore.of(new TokenStore() {
                @Override
                public Optional<OAuthToken> get(String key) {
                    Path f = directory.resolve(key + ".json");
                    try {
                        return Files.exists(f) ? Optional.of(TokenCodec.decode(Secret.of(
                                Files.readString(f, StandardCharsets.UTF_8)))) : Optional.empty();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void put(String key, OAuthToken token) {
                    try (Secret json = TokenCodec.encode(token)) {
                        Files.createDirectories(directory);
                        Files.writeString(directory.resolve(key + ".json"), json.revealAsString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void delete(String key) {
                    directory.resolve(key + ".json").toFile().delete();
                }
            }, () -> { });
        }
    }

    /** Weakened: a fresh in-memory store per open, as a process that never persisted its tokens would have. */
    private static final class MemoryOnlyStore implements TokenStoreTarget {
        @Override
        public String description() {
            return "memory only";
        }

        @Override
        public OpenTokenStore open(Path directory) {
            return OpenTokenStore.of(new InMemoryTokenStore(), () -> { });
        }
    }
}
