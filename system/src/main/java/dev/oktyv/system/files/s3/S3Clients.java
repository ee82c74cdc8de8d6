package dev.oktyv.system.files.s3;

import dev.oktyv.system.secret.SecretResolver;
import java.util.List;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the SDK client from an {@link S3StoreConfig}: vault credentials, timeouts and retries on every call. */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client build(S3StoreConfig config, SecretResolver resolver) {
        return build(config, resolver, List.of());
    }

    /** @param interceptors tests only: observe the requests made (e.g. that a failed upload was aborted) */
    static S3Client build(S3StoreConfig config, SecretResolver resolver, List<ExecutionInterceptor> interceptors) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .credentialsProvider(new VaultCredentialsProvider(config.accessKeyId(), config.secretAccessKey(),
                        resolver))
                // The URLConnection client does not follow redirects, so a 3xx can never move a signed request
                // (or its payload) to another scheme or host; the SDK reports it as an error instead.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.apiCallAttemptTimeout())
                        .socketTimeout(config.apiCallAttemptTimeout()))
                .overrideConfiguration(o -> o
                        .executionInterceptors(interceptors)
                        .apiCallTimeout(config.apiCallTimeout())
                        .apiCallAttemptTimeout(config.apiCallAttemptTimeout())
                        // The standard strategy retries throttling (429, SlowDown) and 5xx with jittered
                        // exponential backoff, and stops early when its retry-token bucket is empty.
                        .retryStrategy(r -> r.maxAttempts(config.maxAttempts())))
                // Checksums only where S3 requires them: trailing aws-chunked checksums are not understood by
                // every S3-compatible server, and the payload is signed (SigV4) over http anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Every body is a byte array in hand, so the whole payload is signed at once; aws-chunked
                // streaming signatures are stored verbatim, framing and all, by some S3-compatible servers.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        config.endpoint().ifPresent(b::endpointOverride);
        return b.build();
    }
}
