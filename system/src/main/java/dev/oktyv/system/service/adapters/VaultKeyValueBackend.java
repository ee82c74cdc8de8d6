package dev.oktyv.system.service.adapters;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.KeyValueBackend;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultAuthenticationException;
import dev.oktyv.system.vault.VaultException;
import dev.oktyv.system.vault.VaultManager;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Vault engine behind the vault routes. Every vault the service touches is opened once, with the service's
 * passphrase, and kept open: opening derives the key (hundreds of milliseconds by design), which no request
 * should pay twice. A GET or DELETE on a vault that does not exist answers "absent" without creating it; a PUT
 * creates it. Engine failures become safe API errors: the engine's own messages name the vault directory.
 */
public final class VaultKeyValueBackend implements KeyValueBackend {

    private final VaultManager manager;
    private final Secret passphrase;
    private final Map<String, Vault> open = new ConcurrentHashMap<>();

    /** The caller keeps ownership of {@code passphrase} and must not destroy it while this backend is in use. */
    public VaultKeyValueBackend(VaultManager manager, Secret passphrase) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
    }

    @Override
    public Optional<Secret> get(String vault, String key) {
        Vault v = existing(vault);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return v.get(key);
        } catch (VaultException e) {
            throw failed();
        }
    }

    @Override
    public void put(String vault, String key, Secret value) {
        Vault v = guarded(() -> open.computeIfAbsent(vault, n -> manager.openOrCreate(n, passphrase)));
        guarded(() -> {
            v.set(key, value);
            return null;
        });
    }

    @Override
    public boolean delete(String vault, String key) {
        Vault v = existing(vault);
        return v != null && guarded(() -> v.delete(key));
    }

    /** The open vault, opening it if it exists on disk; null when there is no such vault. */
    private Vault existing(String vault) {
        Vault v = open.get(vault);
        if (v != null) {
            return v;
        }
        return guarded(() -> manager.exists(vault)
                ? open.computeIfAbsent(vault, n -> manager.open(n, passphrase)) : null);
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            // Names were checked by the routes; what is left is a value the engine refuses (e.g. too large).
            throw ApiException.badRequest("value refused by the vault engine");
        } catch (VaultAuthenticationException e) {
            // A vault someone else created with another passphrase: not this service's to read.
            throw new ApiException(403, "forbidden", "this vault cannot be opened by the service");
        } catch (VaultException e) {
            throw failed();
        }
    }

    private static ApiException failed() {
        return new ApiException(500, "vault_error", "the vault engine failed; see the service log");
    }

    /** Closes the vaults this backend opened (the manager would too; this keeps the map honest). */
    public void closeAll() {
        open.values().forEach(Vault::close);
        open.clear();
    }
}
