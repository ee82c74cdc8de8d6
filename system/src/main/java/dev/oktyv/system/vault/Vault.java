package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;

/**
 * One open vault. Thread-safe. {@code get}, {@code exists} and {@code list} read the in-memory image without
 * locks and decrypt on demand; {@code set} and {@code delete} return once their record is durable on disk
 * (group commit: concurrent writers share one fsync).
 *
 * <p>Writes by other processes become visible here at this instance's next write or {@link #refresh()}.
 */
public final class Vault implements AutoCloseable {

    /** Per-thread plaintext buffer, wiped after each get, so a get allocates only the returned Secret. */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {new byte[64]});

    private final VaultStore store;
    private final GroupCommitter committer;
    private final Consumer<Vault> onClose;
    private volatile boolean closed;

    Vault(VaultStore store, Consumer<Vault> onClose) {
        this.store = store;
        this.committer = new GroupCommitter(store::commit);
        this.onClose = onClose;
    }

    public String name() {
        return store.name();
    }

    /** Stores {@code value} under {@code key}, replacing any previous value; returns once durable. */
    public void set(String key, Secret value) {
        VaultNames.requireKeyName(key);
        if (value == null) {
            throw new IllegalArgumentException("value for key '" + key + "' must not be null");
        }
        ensureOpen();
        byte[] plain = SecretCodec.encode(key, value);
        if (plain.length > RecordCodec.MAX_VALUE_BYTES) {
            Arrays.fill(plain, (byte) 0);
            throw new IllegalArgumentException("value for key '" + key + "' is " + plain.length
                    + " bytes of UTF-8; the maximum is " + RecordCodec.MAX_VALUE_BYTES);
        }
        committer.submit(new PendingWrite(RecordType.PUT, key, plain));
    }

    /** The value of {@code key}, or empty if absent. The caller should close the returned Secret. */
    public Optional<Secret> get(String key) {
        VaultNames.requireKeyName(key);
        ensureOpen();
        SealedValue v = store.state.entries.get(key);
        if (v == null) {
            return Optional.empty();
        }
        int length = v.plaintextLength();
        byte[][] holder = SCRATCH.get();
        if (holder[0].length < length) {
            holder[0] = new byte[Math.max(length, holder[0].length * 2)];
        }
        byte[] plain = holder[0];
        try {
            store.crypto().open(v.nonce(), v.aad(), v.sealed(), plain);
            return Optional.of(SecretCodec.decode(plain, length));
        } catch (AEADBadTagException e) {
            throw new VaultCorruptedException(name(), "in-memory record of key '" + key + "' does not authenticate");
        } finally {
            Arrays.fill(plain, 0, length, (byte) 0);
        }
    }

    /** Removes {@code key}; returns whether it existed. Returns once durable. */
    public boolean delete(String key) {
        VaultNames.requireKeyName(key);
        ensureOpen();
        return committer.submit(new PendingWrite(RecordType.DELETE, key, null));
    }

    public boolean exists(String key) {
        VaultNames.requireKeyName(key);
        ensureOpen();
        return store.state.entries.containsKey(key);
    }

    /** Key names, sorted. */
    public List<String> list() {
        ensureOpen();
        List<String> keys = new ArrayList<>(store.state.entries.keySet());
        keys.sort(null);
        return keys;
    }

    public int size() {
        ensureOpen();
        return store.state.entries.size();
    }

    /**
     * Group-commit counters of this vault in its manager (all instances of the name opened through it): how
     * many fdatasyncs made how many writes durable.
     */
    public VaultCommitStats commitStats() {
        return store.commitStats();
    }

    /** Re-reads what other processes wrote since this instance last looked. */
    public void refresh() {
        ensureOpen();
        store.refresh();
    }

    VaultStore store() {
        return store;
    }

    /** For tests: writes waiting for the next group commit. */
    int queuedWrites() {
        return committer.queued();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("vault '" + name() + "' is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            store.close();
        } catch (IOException e) {
            throw new VaultException("vault '" + name() + "': close failed: " + e.getMessage(), e);
        } finally {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "Vault[" + name() + (closed ? ", closed" : "") + "]";
    }
}
