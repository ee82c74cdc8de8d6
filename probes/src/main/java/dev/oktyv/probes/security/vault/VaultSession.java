package dev.oktyv.probes.security.vault;

import dev.oktyv.system.secret.Secret;
import java.util.Optional;

/** One open vault. */
public interface VaultSession extends AutoCloseable {

    /** Stores {@code value}, durable when this returns. */
    void set(String key, Secret value);

    Optional<Secret> get(String key);

    boolean delete(String key);

    @Override
    void close();
}
