package dev.oktyv.system.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Secret#ofUtf8} decodes without a String and must still agree with {@code new String(bytes, UTF_8)}. */
class SecretUtf8Test {

    @Test
    void decodesLikeNewStringIncludingMalformedInput() {
        byte[][] corpus = {
            "".getBytes(StandardCharsets.UTF_8),
            "plain".getBytes(StandardCharsets.UTF_8),
            "tök€n \uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC3},                                  // truncated sequence
            {'a', (byte) 0xFF, 'b', (byte) 0xC0, (byte) 0xAE}, // invalid byte, overlong form
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},        // encoded surrogate
        };
        for (byte[] bytes : corpus) {
            try (Secret s = Secret.ofUtf8(bytes)) {
                assertThat(new String(s.reveal())).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }
}
