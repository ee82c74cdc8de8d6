package dev.oktyv.system.service;

import dev.oktyv.system.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time.
 *
 * <p>Only the SHA-256 of the token is kept. Both sides are hashed before {@link MessageDigest#isEqual}, so the
 * comparison always runs over 32 bytes: its time depends neither on how many leading characters of a guess are
 * right nor on the guess's length.
 */
public final class BearerAuth {

    private static final String PREFIX = "bearer ";

    private final byte[] expectedHash;

    public BearerAuth(Secret token) {
        char[] chars = token.reveal();
        try {
            if (chars.length < 16) {
                throw new IllegalArgumentException("bearer token must be at least 16 characters, was " + chars.length);
            }
            this.expectedHash = sha256(new String(chars).getBytes(StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    public boolean permits(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= PREFIX.length()
                || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expectedHash, sha256(presented));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerAuth[token redacted]";
    }
}
