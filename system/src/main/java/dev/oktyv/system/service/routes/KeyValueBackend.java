package dev.oktyv.system.service.routes;

import dev.oktyv.system.secret.Secret;
import java.util.Optional;

/**
 * What the vault routes need from a vault engine. The Vault engine gets a small adapter to this when it is wired
 * in; until then tests use an in-memory fake. Names reaching it have passed {@link VaultNames}.
 */
public interface KeyValueBackend {

    Optional<Secret> get(String vault, String key) throws Exception;

    /** Stores a copy: the caller destroys {@code value} when this returns. */
    void put(String vault, String key, Secret value) throws Exception;

    /** @return whether the key existed */
    boolean delete(String vault, String key) throws Exception;
}
