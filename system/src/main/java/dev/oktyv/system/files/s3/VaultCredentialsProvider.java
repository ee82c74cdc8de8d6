package dev.oktyv.system.files.s3;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The only source of S3 credentials: two vault references, resolved each time the SDK signs a request, so a
 * rotated key is used by the next request and no key is held in configuration. The SDK's default chain
 * (environment, system properties, profile files, instance metadata) is never consulted.
 */
final class VaultCredentialsProvider implements AwsCredentialsProvider {

    private final SecretReference accessKeyId;
    private final SecretReference secretAccessKey;
    private final SecretResolver resolver;

    VaultCredentialsProvider(SecretReference accessKeyId, SecretReference secretAccessKey, SecretResolver resolver) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.resolver = resolver;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try (Secret id = resolver.resolve(accessKeyId); Secret key = resolver.resolve(secretAccessKey)) {
            return AwsBasicCredentials.create(id.revealAsString(), key.revealAsString());
        }
    }

    @Override
    public String toString() {
        return "VaultCredentialsProvider[" + accessKeyId + ", " + secretAccessKey + "]";
    }
}
