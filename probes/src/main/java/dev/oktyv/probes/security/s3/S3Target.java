package dev.oktyv.probes.security.s3;

import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the S3 probes attack: a factory for S3 file stores on the server under test. The command registers
 * {@link EngineS3Target} over the real {@code S3FileStore}; a test registers a weakened one (prefix check off,
 * plain http allowed, credentials from a system property).
 */
public interface S3Target {

    /** One line for evidence. */
    String description();

    /**
     * A store confined to {@code prefix} on the target's server, or on {@code endpoint} when given.
     *
     * @throws IllegalArgumentException when the configuration is refused (e.g. plain http to a remote host)
     */
    FileStore open(Optional<URI> endpoint, String prefix);

    /** Where the credentials are configured, as written in configuration (e.g. {@code vault:prod/s3-id}). */
    List<String> credentialSources();

    /** The credential values, resolved, so the probe can look for them where they must not be; destroy after use. */
    List<Secret> credentialValues();
}
