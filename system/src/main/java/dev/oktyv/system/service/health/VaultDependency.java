package dev.oktyv.system.service.health;

import dev.oktyv.system.service.routes.KeyValueBackend;
import java.util.Objects;

/** A vault entry the service itself stored (its token): reading it proves the vault opens and authenticates. */
public record VaultDependency(KeyValueBackend vaults, String vault, String key) {

    public VaultDependency {
        Objects.requireNonNull(vaults, "vaults");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(key, "key");
    }
}
