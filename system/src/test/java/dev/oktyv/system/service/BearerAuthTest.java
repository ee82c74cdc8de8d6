package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BearerAuthTest {

    @Test
    void acceptsOnlyTheExactToken() {
        Secret token = ServiceToken.generate(new SecureRandom());
        String t = token.revealAsString();
        BearerAuth auth = new BearerAuth(token);
        assertThat(auth.permits("Bearer " + t)).isTrue();
        assertThat(auth.permits("bearer " + t)).as("the scheme is case-insensitive").isTrue();
        assertThat(auth.permits("Bearer " + t.substring(1))).isFalse();
        assertThat(auth.permits("Bearer " + t + "A")).isFalse();
        assertThat(auth.permits(t)).isFalse();
        assertThat(auth.permits(null)).isFalse();
        assertThat(auth.permits("Bearer ")).isFalse();
        assertThat(auth.toString()).doesNotContain(t);
    }

    @Test
    void generatedTokensAre256BitsAndDiffer() {
        SecureRandom r = new SecureRandom();
        String a = ServiceToken.generate(r).revealAsString();
        String b = ServiceToken.generate(r).revealAsString();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    }

    @Test
    void refusesShortTokensWithoutShowingThem() {
        assertThatThrownBy(() -> new BearerAuth(Secret.of("short")))
                .hasMessageContaining("at least 16").hasMessageNotContaining("short");
    }
}
