package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.Provider;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.SecretKeyFactorySpi;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key material lives no longer than it must: the PBKDF2 key object, encoder buffers, and weak passphrases. */
class KeyMaterialTest {

    @TempDir
    Path dir;

    /** A PBKDF2 stand-in that records whether the caller destroyed the key object it handed out. */
    private static final class RecordingKey implements SecretKey {
        private static final long serialVersionUID = 1L;
        final AtomicBoolean destroyed = new AtomicBoolean();

        @Override
        public String getAlgorithm() {
            return "PBKDF2WithHmacSHA256";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[32];
        }

        @Override
        public void destroy() {
            destroyed.set(true);
        }

        @Override
        public boolean isDestroyed() {
            return destroyed.get();
        }
    }

    @Test
    void theIntermediatePbkdf2KeyObjectIsDestroyed() {
        RecordingKey handedOut = new RecordingKey();
        SecretKeyFactory factory = new SecretKeyFactory(new SecretKeyFactorySpi() {
            @Override
            protected SecretKey engineGenerateSecret(KeySpec spec) throws InvalidKeySpecException {
                assertThat(spec).isInstanceOf(PBEKeySpec.class);
                return handedOut;
            }

            @Override
            protected KeySpec engineGetKeySpec(SecretKey key, Class<?> keySpec) {
                throw new UnsupportedOperationException();
            }

            @Override
            protected SecretKey engineTranslateKey(SecretKey key) {
                throw new UnsupportedOperationException();
            }
        }, new Provider("test", "1", "recording PBKDF2") {
            private static final long serialVersionUID = 1L;
        }, "PBKDF2WithHmacSHA256") {
        };
        SecretKey key = KeyDerivation.derive(factory, TestVaults.passphrase(), new byte[16], 10);
        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(handedOut.isDestroyed()).as("the PBKDF2 key object was destroyed").isTrue();
    }

    @Test
    void theEncoderLeavesNoCopyOfTheValueInItsBuffers() {
        List<ByteBuffer> allocated = new ArrayList<>();
        // Non-ASCII needs more bytes than chars: an encoder that guesses the size grows (and drops) buffers.
        String value = "€".repeat(200) + "tök€n";
        byte[] encoded = SecretCodec.encode("k", Secret.of(value), n -> {
            ByteBuffer b = ByteBuffer.allocate(n);
            allocated.add(b);
            return b;
        });
        assertThat(new String(encoded, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(allocated).isNotEmpty();
        for (ByteBuffer b : allocated) {
            assertThat(b.array()).as("a buffer the encoder used").containsOnly((byte) 0);
        }
    }

    @Test
    void aNewVaultNeedsAPassphraseOfAtLeastTwelveCharacters() {
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThatThrownBy(() -> m.create("prod", Secret.of("short-pass1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the passphrase of a new vault must have at least "
                            + VaultManager.MIN_PASSPHRASE_CHARS + " characters; this one has 11")
                    .hasMessageNotContaining("short-pass1");
            assertThat(m.exists("prod")).isFalse();
            m.create("prod", Secret.of("twelve-chars")).close();
            assertThat(m.exists("prod")).isTrue();
        }
    }
}
