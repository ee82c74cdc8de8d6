package dev.oktyv.probes.security.s3;

import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.s3.S3FileStore;
import dev.oktyv.system.files.s3.S3StoreConfig;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretResolver;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The real {@link S3FileStore}: every store is the configured one, moved to the probe's prefix (and endpoint). */
public final class EngineS3Target implements S3Target {

    private final S3StoreConfig base;
    private final SecretResolver resolver;

    public EngineS3Target(S3StoreConfig base, SecretResolver resolver) {
        this.base = base;
        this.resolver = resolver;
    }

    @Override
    public String description() {
        return "S3FileStore on bucket " + base.bucket();
    }

    @Override
    public FileStore open(Optional<URI> endpoint, String prefix) {
        S3StoreConfig c = new S3StoreConfig(endpoint.or(base::endpoint), base.region(), base.bucket(), prefix,
                base.pathStyle(), base.allowPlainHttpLoopback(), base.sse(), base.accessKeyId(),
                base.secretAccessKey(), base.maxFileSizeBytes(), base.multipartThresholdBytes(), base.partSizeBytes(),
                base.apiCallTimeout(), base.apiCallAttemptTimeout(), base.maxAttempts());
        return new S3FileStore(c, resolver);
    }

    @Override
    public List<String> credentialSources() {
        return List.of(base.accessKeyId().toString(), base.secretAccessKey().toString());
    }

    @Override
    public List<Secret> credentialValues() {
        return List.of(resolver.resolve(base.accessKeyId()), resolver.resolve(base.secretAccessKey()));
    }
}
