package dev.oktyv.system.service.adapters;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.KeyValueBackend;
import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultAuthenticationException;
import dev.oktyv.system.vault.VaultException;
import dev.oktyv.system.vault.VaultManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Vault engine behind the vault routes. A vault the service touches is opened with the service's passphrase
 * and kept open for reuse: opening derives the key (hundreds of milliseconds by design), which no request should
 * pay twice. Open vaults are capped, because each costs two file descriptors and every new name through the service
 * would otherwise add one for good: at the cap the least recently used vault not in use is closed, and a vault
 * unused for the idle time is closed on the next call. A GET or DELETE on a vault that does not exist answers
 * "absent" without creating it; a PUT creates it. Engine failures become safe API errors: the engine's own
 * messages name the vault directory.
 *
 * <p>Opening happens under the backend's lock, so one slow derivation delays other vault calls; that keeps two
 * requests from opening the same vault twice, and opens are rare next to reads and writes of open vaults.
 */
public final class VaultKeyValueBackend implements KeyValueBackend {

    /** Default cap on open vaults. */
    public static final int DEFAULT_MAX_OPEN_VAULTS = 64;
    /** Default time after which an unused vault is closed. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** An open vault, how many calls are using it now, and when it was last released. Guarded by the backend. */
    private static final class Entry {
        final Vault vault;
        int inUse;
        long lastUsedNanos;

        Entry(Vault vault) {
            this.vault = vault;
        }
    }

    private final VaultManager manager;
    private final Secret passphrase;
    private final int maxOpenVaults;
    private final long idleNanos;
    private final NanoClock nanoClock;
    private final Map<String, Entry> open = new HashMap<>();
    private long lastSweepNanos;

    /** The caller keeps ownership of {@code passphrase} and must not destroy it while this backend is in use. */
    public VaultKeyValueBackend(VaultManager manager, Secret passphrase) {
        this(manager, passphrase, DEFAULT_MAX_OPEN_VAULTS, DEFAULT_IDLE_TIMEOUT, NanoClock.SYSTEM);
    }

    public VaultKeyValueBackend(VaultManager manager, Secret passphrase, int maxOpenVaults, Duration idleTimeout,
                                NanoClock nanoClock) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
        if (maxOpenVaults < 1) {
            throw new IllegalArgumentException("maxOpenVaults must be >= 1, was " + maxOpenVaults);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        this.maxOpenVaults = maxOpenVaults;
        this.idleNanos = idleTimeout.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.lastSweepNanos = nanoClock.nanoTime();
    }

    @Override
    public Optional<Secret> get(String vault, String key) {
        Entry e = acquire(vault, false);
        if (e == null) {
            return Optional.empty();
        }
        try {
            return e.vault.get(key);
        } catch (VaultException ex) {
            throw failed();
        } finally {
            release(e);
        }
    }

    @Override
    public void put(String vault, String key, Secret value) {
        Entry e = acquire(vault, true);
        try {
            guarded(() -> {
                e.vault.set(key, value);
                return null;
            });
        } finally {
            release(e);
        }
    }

    @Override
    public boolean delete(String vault, String key) {
        Entry e = acquire(vault, false);
        if (e == null) {
            return false;
        }
        try {
            return guarded(() -> e.vault.delete(key));
        } finally {
            release(e);
        }
    }

    /** The open vault, marked in use; opened (or created when {@code create}) if needed; null if absent. */
    private synchronized Entry acquire(String name, boolean create) {
        long now = nanoClock.nanoTime();
        sweepIdle(now);
        Entry e = open.get(name);
        if (e == null) {
            if (!create && !guarded(() -> manager.exists(name))) {
                return null;
            }
            makeRoom();
            Vault v = guarded(() -> create ? manager.openOrCreate(name, passphrase) : manager.open(name, passphrase));
            e = new Entry(v);
            open.put(name, e);
        }
        e.inUse++;
        e.lastUsedNanos = now;
        return e;
    }

    private synchronized void release(Entry e) {
        e.inUse--;
        e.lastUsedNanos = nanoClock.nanoTime();
    }

    /** At most once a second of the clock, so that a busy vault does not pay a scan per call. */
    private void sweepIdle(long now) {
        if (now - lastSweepNanos < 1_000_000_000L) {
            return;
        }
        lastSweepNanos = now;
        for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.inUse == 0 && now - e.lastUsedNanos >= idleNanos) {
                closeQuietly(e.vault);
                it.remove();
            }
        }
    }

    /** At the cap, closes the least recently used vault not in use; 503 if every open vault is in use. */
    private void makeRoom() {
        if (open.size() < maxOpenVaults) {
            return;
        }
        Map.Entry<String, Entry> lru = null;
        for (Map.Entry<String, Entry> candidate : open.entrySet()) {
            Entry e = candidate.getValue();
            if (e.inUse == 0 && (lru == null || e.lastUsedNanos - lru.getValue().lastUsedNanos < 0)) {
                lru = candidate;
            }
        }
        if (lru == null) {
            throw new ApiException(503, "too_many_vaults", "all " + maxOpenVaults + " open vaults are in use; retry");
        }
        closeQuietly(lru.getValue().vault);
        open.remove(lru.getKey());
    }

    /** How many vaults are open now. */
    public synchronized int openVaults() {
        return open.size();
    }

    private static void closeQuietly(Vault v) {
        try {
            v.close();
        } catch (VaultException e) {
            // Closing to free descriptors: a failed close leaves nothing the caller could do.
        }
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
    public synchronized void closeAll() {
        open.values().forEach(e -> closeQuietly(e.vault));
        open.clear();
    }
}
