package dev.oktyv.system.files;

import java.util.Objects;

/** A file digest, as lower-case hex (the form {@code sha256sum} and {@code openssl dgst} print). */
public record Digest(HashAlgorithm algorithm, String hex, long bytesHashed) {
    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
    }
}
