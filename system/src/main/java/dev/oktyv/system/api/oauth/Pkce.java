package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) with the S256 method only; "plain" would hand the verifier to anyone who sees the URL. */
public final class Pkce {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** 32 random bytes, base64url: 43 characters, inside RFC 7636's 43..128. */
    public static Secret newVerifier(SecureRandom random) {
        return Secret.of(randomToken(random, 32));
    }

    public static String challengeS256(Secret verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.revealAsString().getBytes(StandardCharsets.US_ASCII));
            return URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static String randomToken(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return URL.encodeToString(b);
    }
}
