package dev.oktyv.system.service;

import dev.oktyv.system.secret.Secret;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** Generates the service's bearer token: 256 random bits, base64url without padding (43 characters). */
public final class ServiceToken {

    private ServiceToken() {
    }

    public static Secret generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        try {
            return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
