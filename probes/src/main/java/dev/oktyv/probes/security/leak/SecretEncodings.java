package dev.oktyv.probes.security.leak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways a leaked secret commonly shows up in bytes: plain UTF-8, Base64 (standard and URL-safe), hex in both
 * cases, and UTF-16 in both byte orders (a Java {@code char[]} or a Windows string written raw). A hit names the
 * encoding, never the secret, so it can go into evidence as it is.
 */
public final class SecretEncodings {

    private final Map<String, byte[]> needles = new LinkedHashMap<>();

    private SecretEncodings(String secret) {
        if (secret.length() < 8) {
            // Short needles match by chance in random ciphertext; the probes choose long, distinctive secrets.
            throw new IllegalArgumentException("a searched secret needs at least 8 characters, was " + secret.length());
        }
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        needles.put("plain UTF-8", utf8);
        needles.put("Base64", Base64.getEncoder().withoutPadding().encode(utf8));
        needles.put("Base64 URL-safe", Base64.getUrlEncoder().withoutPadding().encode(utf8));
        needles.put("hex", HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        needles.put("HEX", HexFormat.of().withUpperCase().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        needles.put("UTF-16LE", secret.getBytes(StandardCharsets.UTF_16LE));
        needles.put("UTF-16BE", secret.getBytes(StandardCharsets.UTF_16BE));
    }

    public static SecretEncodings of(String secret) {
        return new SecretEncodings(secret);
    }

    /** The names of the encodings found in {@code haystack}; empty when none is. */
    public List<String> find(byte[] haystack) {
        List<String> hits = new ArrayList<>();
        needles.forEach((name, needle) -> {
            if (indexOf(haystack, needle) >= 0) {
                hits.add(name);
            }
        });
        return hits;
    }

    /** As {@link #find(byte[])} for text (log lines, messages), searched as UTF-8 and as it is. */
    public List<String> find(String text) {
        return find(text.getBytes(StandardCharsets.UTF_8));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
