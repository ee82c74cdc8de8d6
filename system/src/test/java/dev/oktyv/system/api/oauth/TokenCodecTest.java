package dev.oktyv.system.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    private static String golden() throws Exception {
        try (InputStream in = TokenCodecTest.class.getResourceAsStream("token-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    @Test
    void encodesExactlyTheGoldenFormatAndDecodesItBack() throws Exception {
        OAuthToken token = new OAuthToken(Secret.of("at-golden"), Optional.of(Secret.of("rt-golden")),
                Instant.parse("2026-01-01T01:00:00Z"), "Bearer", "read write");
        assertThat(TokenCodec.encode(token).revealAsString()).isEqualTo(golden());

        OAuthToken back = TokenCodec.decode(Secret.of(golden()));
        assertThat(back.accessToken().revealAsString()).isEqualTo("at-golden");
        assertThat(back.refreshToken().orElseThrow().revealAsString()).isEqualTo("rt-golden");
        assertThat(back.expiresAt()).isEqualTo(token.expiresAt());
        assertThat(back.scope()).isEqualTo("read write");
        assertThat(TokenCodec.encode(token).toString()).isEqualTo("Secret[redacted]");
    }

    @Test
    void rejectsOtherFormatsWithoutEchoingValues() {
        assertThatThrownBy(() -> TokenCodec.decode(Secret.of("{\"format\":2,\"access_token\":\"zzz\"}")))
                .hasMessage("stored token has format 2, expected 1");
        assertThatThrownBy(() -> TokenCodec.decode(Secret.of("{\"format\":1,\"access_token\":\"zzz\"}")))
                .hasMessage("stored token lacks 'expires_at'");
        assertThatThrownBy(() -> TokenCodec.decode(Secret.of("zzz-not-json")))
                .hasMessageNotContaining("zzz");
    }
}
