package dev.oktyv.system.files.s3;

import dev.oktyv.system.api.UrlPolicy;
import dev.oktyv.system.files.TraversalCheck;
import dev.oktyv.system.secret.SecretReference;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable configuration of {@link S3FileStore}; {@link #builder()} validates each value as it is set.
 *
 * @param endpoint               empty for AWS's own endpoint of the region; otherwise {@code https://host[:port]},
 *                               or {@code http://} to a literal loopback address when {@code allowPlainHttpLoopback}
 * @param prefix                 every key of the store lives below it ({@code team/files/}); never empty, so one
 *                               store cannot reach another's objects in a shared bucket
 * @param sse                    server-side encryption to request on every write and copy ({@code AES256} or
 *                               {@code aws:kms}); empty for none
 * @param accessKeyId            vault reference only; a literal key is refused (it would end up in shell history,
 *                               process listings and config files)
 * @param secretAccessKey        vault reference only
 * @param multipartThresholdBytes a streamed write longer than this is uploaded in parts of {@code partSizeBytes}
 * @param apiCallTimeout         bound on a whole call, retries included
 * @param apiCallAttemptTimeout  bound on one HTTP attempt
 * @param maxAttempts            attempts per call (throttling and 5xx are retried with jittered backoff)
 */
public record S3StoreConfig(Optional<URI> endpoint, String region, String bucket, String prefix, boolean pathStyle,
                            boolean allowPlainHttpLoopback, Optional<String> sse, SecretReference accessKeyId,
                            SecretReference secretAccessKey, long maxFileSizeBytes, long multipartThresholdBytes,
                            long partSizeBytes, Duration apiCallTimeout, Duration apiCallAttemptTimeout,
                            int maxAttempts) {

    /** S3's smallest part (all but the last) and the largest object one CopyObject or PutObject may produce. */
    static final long MIN_PART_BYTES = 5L << 20;
    static final long MAX_SINGLE_OBJECT_BYTES = 5L << 30;
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> SSE = Set.of("AES256", "aws:kms");

    public S3StoreConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(sse, "sse");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        endpoint.ifPresent(e -> checkEndpoint(e, allowPlainHttpLoopback));
        check(region != null && REGION.matcher(region).matches(), "region '" + region + "' must match " + REGION);
        check(bucket != null && BUCKET.matcher(bucket).matches(), "bucket '" + bucket + "' must match " + BUCKET);
        prefix = normalisePrefix(prefix);
        sse.ifPresent(s -> check(SSE.contains(s), "sse '" + s + "' must be one of " + SSE));
        check(maxFileSizeBytes >= 1 && maxFileSizeBytes <= MAX_SINGLE_OBJECT_BYTES,
                "maxFileSizeBytes must be 1.." + MAX_SINGLE_OBJECT_BYTES + " (one CopyObject's limit), was "
                        + maxFileSizeBytes);
        check(partSizeBytes >= MIN_PART_BYTES && partSizeBytes <= MAX_SINGLE_OBJECT_BYTES,
                "partSizeBytes must be " + MIN_PART_BYTES + ".." + MAX_SINGLE_OBJECT_BYTES + ", was " + partSizeBytes);
        check(multipartThresholdBytes >= partSizeBytes, "multipartThresholdBytes (" + multipartThresholdBytes
                + ") must be at least partSizeBytes (" + partSizeBytes + ")");
        checkDuration("apiCallTimeout", apiCallTimeout);
        checkDuration("apiCallAttemptTimeout", apiCallAttemptTimeout);
        check(apiCallAttemptTimeout.compareTo(apiCallTimeout) <= 0, "apiCallAttemptTimeout (" + apiCallAttemptTimeout
                + ") must not exceed apiCallTimeout (" + apiCallTimeout + ")");
        check(maxAttempts >= 1 && maxAttempts <= 10, "maxAttempts must be 1..10, was " + maxAttempts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code https} always; {@code http} only to a literal loopback address and only when explicitly allowed. */
    static void checkEndpoint(URI e, boolean allowPlainHttpLoopback) {
        String scheme = e.getScheme() == null ? "" : e.getScheme().toLowerCase(Locale.ROOT);
        // Never echo user info: it is where a careless URL carries credentials.
        String shown = (e.getScheme() == null ? "" : e.getScheme() + "://") + e.getHost()
                + (e.getPort() < 0 ? "" : ":" + e.getPort());
        check(e.getRawUserInfo() == null, "endpoint '" + shown + "' must not carry user info; credentials come from the vault");
        check(e.getHost() != null, "endpoint '" + shown + "' has no host");
        check(e.getRawQuery() == null && e.getRawFragment() == null, "endpoint '" + shown + "' must not have a query");
        if (scheme.equals("https")) {
            return;
        }
        check(scheme.equals("http"), "endpoint '" + shown + "': only https is allowed");
        check(UrlPolicy.isLoopback(e.getHost()), "endpoint '" + shown + "': plain http is not allowed, use https");
        check(allowPlainHttpLoopback, "endpoint '" + shown + "': plain http to loopback needs allowPlainHttpLoopback(true)");
    }

    private static String normalisePrefix(String prefix) {
        check(prefix != null && !prefix.isEmpty(), "prefix must not be empty: every store is confined to a key prefix");
        String reason = TraversalCheck.rejectReason(prefix);
        check(reason == null, "prefix '" + prefix + "' refused: " + reason);
        check(!prefix.contains("\\"), "prefix '" + prefix + "' must not contain a backslash");
        String keyPath = S3Keys.normalise(prefix);
        check(!keyPath.isEmpty(), "prefix '" + prefix + "' names the bucket root");
        return keyPath + "/";
    }

    private static void checkDuration(String name, Duration d) {
        check(d != null && !d.isNegative() && !d.isZero(), name + " must be positive, was " + d);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static final class Builder {
        private URI endpoint;
        private String region = "us-east-1";
        private String bucket;
        private String prefix;
        private boolean pathStyle;
        private boolean allowPlainHttpLoopback;
        private String sse;
        private SecretReference accessKeyId;
        private SecretReference secretAccessKey;
        private long maxFileSizeBytes = 100L << 20;
        private long multipartThresholdBytes = 16L << 20;
        private long partSizeBytes = 8L << 20;
        private Duration apiCallTimeout = Duration.ofSeconds(60);
        private Duration apiCallAttemptTimeout = Duration.ofSeconds(20);
        private int maxAttempts = 4;

        private Builder() {
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder pathStyle(boolean on) {
            this.pathStyle = on;
            return this;
        }

        /** Tests and local benchmarks only: permits {@code http://} to a literal loopback address. */
        public Builder allowPlainHttpLoopback(boolean on) {
            this.allowPlainHttpLoopback = on;
            return this;
        }

        public Builder sse(String sse) {
            this.sse = sse;
            return this;
        }

        /** @param reference {@code vault:<vault>/<key>}; anything else is refused without being echoed */
        public Builder accessKeyId(String reference) {
            this.accessKeyId = vaultOnly("accessKeyId", reference);
            return this;
        }

        /** @param reference {@code vault:<vault>/<key>}; anything else is refused without being echoed */
        public Builder secretAccessKey(String reference) {
            this.secretAccessKey = vaultOnly("secretAccessKey", reference);
            return this;
        }

        public Builder maxFileSizeBytes(long bytes) {
            this.maxFileSizeBytes = bytes;
            return this;
        }

        public Builder multipart(long thresholdBytes, long partBytes) {
            this.multipartThresholdBytes = thresholdBytes;
            this.partSizeBytes = partBytes;
            return this;
        }

        public Builder timeouts(Duration apiCall, Duration apiCallAttempt) {
            this.apiCallTimeout = apiCall;
            this.apiCallAttemptTimeout = apiCallAttempt;
            return this;
        }

        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        public S3StoreConfig build() {
            return new S3StoreConfig(Optional.ofNullable(endpoint), region, bucket, prefix, pathStyle,
                    allowPlainHttpLoopback, Optional.ofNullable(sse), accessKeyId, secretAccessKey, maxFileSizeBytes,
                    multipartThresholdBytes, partSizeBytes, apiCallTimeout, apiCallAttemptTimeout, maxAttempts);
        }

        private static SecretReference vaultOnly(String field, String reference) {
            // The value is not shown: a literal here is most likely the key itself.
            return SecretReference.parse(reference).orElseThrow(() -> new IllegalArgumentException(
                    field + " must be a vault reference (vault:<vault>/<key>); the value given is not, and is not shown"));
        }
    }
}
