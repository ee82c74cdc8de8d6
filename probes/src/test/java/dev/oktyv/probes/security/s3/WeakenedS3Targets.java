package dev.oktyv.probes.security.s3;

import dev.oktyv.system.files.Digest;
import dev.oktyv.system.files.FileEntry;
import dev.oktyv.system.files.FileStat;
import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.HashAlgorithm;
import dev.oktyv.system.files.s3.S3StoreConfig;
import dev.oktyv.system.secret.Secret;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Deliberately weakened S3 targets: each removes one defence, so each S3 probe can be shown to fail. */
final class WeakenedS3Targets {

    private WeakenedS3Targets() {
    }

    /**
     * Prefix check off: the store's prefix is glued to the caller's path as a string, under a real store opened on
     * the first prefix segment only, so a {@code ..} that climbs out of the store's prefix is not refused.
     */
    static final class PrefixCheckOff extends Delegating {
        PrefixCheckOff(S3Target real) {
            super(real);
        }

        @Override
        public String description() {
            return "S3 store with the prefix check off";
        }

        @Override
        public FileStore open(Optional<URI> endpoint, String prefix) {
            int cut = prefix.indexOf('/') + 1;
            FileStore bucketWide = real.open(endpoint, prefix.substring(0, cut));
            String glued = prefix.substring(cut);
            return new Forwarding(bucketWide) {
                @Override
                String map(String path) {
                    return glued + path;
                }
            };
        }
    }

    /** Plain http allowed: a non-loopback http endpoint is handed straight to the SDK, no scheme check. */
    static final class PlainHttpAllowed extends Delegating {
        private final S3StoreConfig config;

        PlainHttpAllowed(S3Target real, S3StoreConfig config) {
            super(real);
            this.config = config;
        }

        @Override
        public String description() {
            return "S3 store without the https check";
        }

        @Override
        public FileStore open(Optional<URI> endpoint, String prefix) {
            if (endpoint.isEmpty()) {
                return real.open(endpoint, prefix);
            }
            List<Secret> keys = real.credentialValues();
            S3Client client = S3Client.builder().region(Region.of(config.region())).forcePathStyle(true)
                    .endpointOverride(endpoint.get())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            keys.get(0).revealAsString(), keys.get(1).revealAsString())))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                    .build();
            keys.forEach(Secret::destroy);
            return new Forwarding(null) {
                @Override
                public void write(String path, byte[] data) {
                    try (client) {
                        client.putObject(p -> p.bucket(config.bucket()).key(prefix + path), RequestBody.fromBytes(data));
                    }
                }
            };
        }
    }

    /** Redirects followed: writes go through an HTTP client that follows any redirect, method and body included. */
    static final class RedirectFollowing extends Delegating {
        RedirectFollowing(S3Target real) {
            super(real);
        }

        @Override
        public String description() {
            return "S3 store that follows redirects";
        }

        @Override
        public FileStore open(Optional<URI> endpoint, String prefix) {
            FileStore checked = real.open(endpoint, prefix); // keeps the configuration's https rules
            if (endpoint.isEmpty()) {
                return checked;
            }
            return new Forwarding(checked) {
                @Override
                public void write(String path, byte[] data) {
                    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
                    try {
                        http.send(HttpRequest.newBuilder(endpoint.get().resolve("/bucket/" + prefix + path))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            };
        }
    }

    /** Credentials from plain system properties ({@code -Daws.accessKeyId=...}), where the SDK's chain finds them. */
    static final class CredentialsFromProperties extends Delegating implements AutoCloseable {
        CredentialsFromProperties(S3Target real) {
            super(real);
            List<Secret> keys = real.credentialValues();
            System.setProperty("aws.accessKeyId", keys.get(0).revealAsString());
            System.setProperty("aws.secretAccessKey", keys.get(1).revealAsString());
            keys.forEach(Secret::destroy);
        }

        @Override
        public String description() {
            return "S3 store with credentials from system properties";
        }

        @Override
        public List<String> credentialSources() {
            return List.of("system property aws.accessKeyId", "system property aws.secretAccessKey");
        }

        @Override
        public void close() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    /**
     * The real target with one thing changed: a weakened target overrides {@link #description} and the one method it
     * weakens; everything else (opening, the credentials' sources and values) is the real target's.
     */
    private abstract static class Delegating implements S3Target {
        final S3Target real;

        Delegating(S3Target real) {
            this.real = real;
        }

        @Override
        public FileStore open(Optional<URI> endpoint, String prefix) {
            return real.open(endpoint, prefix);
        }

        @Override
        public List<String> credentialSources() {
            return real.credentialSources();
        }

        @Override
        public List<Secret> credentialValues() {
            return real.credentialValues();
        }
    }

    /** Forwards every operation to {@code inner} with the path passed through {@link #map}. */
    private static class Forwarding implements FileStore, AutoCloseable {
        private final FileStore inner;

        Forwarding(FileStore inner) {
            this.inner = inner;
        }

        String map(String path) {
            return path;
        }

        @Override
        public byte[] read(String path) {
            return inner.read(map(path));
        }

        @Override
        public void write(String path, byte[] data) {
            inner.write(map(path), data);
        }

        @Override
        public long write(String path, InputStream data) {
            return inner.write(map(path), data);
        }

        @Override
        public long copy(String from, String to) {
            return inner.copy(map(from), map(to));
        }

        @Override
        public boolean delete(String path) {
            return inner.delete(map(path));
        }

        @Override
        public List<FileEntry> list(String dir) {
            return inner.list(map(dir));
        }

        @Override
        public FileStat stat(String path) {
            return inner.stat(map(path));
        }

        @Override
        public boolean exists(String path) {
            return inner.exists(map(path));
        }

        @Override
        public Digest hash(String path, HashAlgorithm algorithm) {
            return inner.hash(map(path), algorithm);
        }

        @Override
        public void close() throws Exception {
            if (inner instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
