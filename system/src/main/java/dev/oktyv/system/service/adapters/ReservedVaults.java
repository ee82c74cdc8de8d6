package dev.oktyv.system.service.adapters;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.KeyValueBackend;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Vaults the service keeps for itself (its token, which the vault health check decrypts): clients may read them
 * with the token but not write or delete, or one authenticated request would mark the service DOWN for good.
 */
public final class ReservedVaults implements KeyValueBackend {

    private final KeyValueBackend delegate;
    private final Set<String> reserved;

    public ReservedVaults(KeyValueBackend delegate, Set<String> reservedVaults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.reserved = Set.copyOf(reservedVaults);
    }

    @Override
    public Optional<Secret> get(String vault, String key) throws Exception {
        return delegate.get(vault, key);
    }

    @Override
    public void put(String vault, String key, Secret value) throws Exception {
        refuseReserved(vault);
        delegate.put(vault, key, value);
    }

    @Override
    public boolean delete(String vault, String key) throws Exception {
        refuseReserved(vault);
        return delegate.delete(vault, key);
    }

    private void refuseReserved(String vault) {
        if (reserved.contains(vault)) {
            throw new ApiException(403, "reserved", "vault '" + vault + "' is reserved for the service");
        }
    }
}
