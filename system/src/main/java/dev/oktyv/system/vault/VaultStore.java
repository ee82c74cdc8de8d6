package dev.oktyv.system.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage engine of one open vault: an append-only log of encrypted records after a fixed header.
 *
 * <p>Why a log and not a rewrite per {@code set}: a durable whole-file rewrite (temp file, fsync, rename,
 * directory fsync) costs about 1.1 ms on the reference machine, an append plus fdatasync about 0.2 ms. With
 * group commit on top (see {@link GroupCommitter}) several writers share that one fdatasync. The log is
 * compacted, with the durable whole-file replacement, once dead records outweigh live ones, so the file stays
 * within about twice the live data.
 *
 * <p>Every method that touches the file runs under {@link VaultLock}; before writing, the store catches up
 * with records other processes (or other Vault instances in this JVM) appended, and with their compactions.
 */
@SuppressWarnings("try") // try (VaultLock.Held held = …) holds the lock for the block; the body need not use it
final class VaultStore implements AutoCloseable {

    /** Compaction waits until at least this much is dead, so small vaults are not rewritten constantly. */
    static final long COMPACTION_MIN_DEAD_BYTES = 256 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final String name;
    private final VaultLock lock;
    private final VaultFile file;
    private final VaultCrypto crypto;
    private final NonceSource nonces;
    private final LogReader reader;
    private final CommitCounters counters;
    final VaultState state = new VaultState();
    private VaultHeader header;
    /** File offset after the last record in {@link #state}. */
    private long validEnd;
    /** A header write not yet followed by a sync; {@link #close()} syncs it. */
    private boolean headerUnsynced;
    private volatile boolean closed;
    /** Compactions that failed and will be retried; visible to tests, since nothing may be logged. */
    int compactionFailures;

    VaultStore(String name, VaultLock lock, VaultFile file, VaultCrypto crypto, NonceSource nonces,
                       VaultHeader header, CommitCounters counters) {
        this.name = name;
        this.lock = lock;
        this.file = file;
        this.crypto = crypto;
        this.nonces = nonces;
        this.reader = new LogReader(name, crypto);
        this.header = header;
        this.counters = counters;
    }

    static Path vaultFile(Path dir, String name) {
        return dir.resolve(name + ".vault");
    }

    static Path lockFile(Path dir, String name) {
        return dir.resolve(name + ".lock");
    }

    /** A new vault: the header only. Called under the lock by {@link VaultOpener}. */
    void startEmpty() {
        validEnd = VaultHeader.LENGTH;
    }

    /**
     * Replays the whole file (already read, header verified) into the state; a version-1 file is upgraded at
     * once. Called under the lock by {@link VaultOpener}.
     */
    void load(byte[] bytes) throws IOException {
        validEnd = reader.replay(bytes, 0, header.length(), bytes.length, header.committedLength(),
                header.generation(), state);
        if (!header.isCurrentVersion()) {
            upgrade();
        }
    }

    String name() {
        return name;
    }

    VaultCrypto crypto() {
        return crypto;
    }

    VaultCommitStats commitStats() {
        return counters.snapshot();
    }

    /** Brings {@link #state} up to date with the file on disk (writes by other processes). */
    void refresh() {
        try (VaultLock.Held held = lock.acquire()) {
            catchUp();
        } catch (IOException e) {
            throw new VaultException("vault '" + name + "': cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /** The group-commit batch writer: one append, one header update, one fdatasync for the whole batch. */
    void commit(List<PendingWrite> batch) {
        try (VaultLock.Held held = lock.acquire()) {
            catchUp();
            if (file.size() > validEnd) {
                file.truncate(validEnd); // an unacknowledged torn append by a crashed writer
            }
            List<SealedValue> records = seal(batch);
            appendDurably(batch, records);
            // Only now, with the records durable, do readers get to see them.
            for (int i = 0; i < batch.size(); i++) {
                SealedValue v = records.get(i);
                PendingWrite w = batch.get(i);
                if (v != null && w.type == RecordType.PUT) {
                    state.applyPut(v);
                } else if (v != null) {
                    state.applyDelete(w.key, v.recordLength());
                }
                w.complete();
            }
        } catch (IOException e) {
            throw new VaultException("vault '" + name + "': cannot write " + file.path() + ": " + e.getMessage(), e);
        }
        compactIfWorthIt();
    }

    /**
     * Seals each write with the seq it will have in the log; null for a delete of an absent key, which writes
     * nothing. Records whether each key existed before its write, taking earlier writes of the batch into
     * account.
     */
    private List<SealedValue> seal(List<PendingWrite> batch) {
        Map<String, Boolean> exists = new HashMap<>();
        List<SealedValue> records = new ArrayList<>(batch.size());
        long seq = state.recordCount;
        for (PendingWrite w : batch) {
            boolean had = exists.computeIfAbsent(w.key, state.entries::containsKey);
            w.existedBefore(had);
            if (w.type == RecordType.DELETE && !had) {
                records.add(null);
                continue;
            }
            byte[] nonce = nonces.next();
            byte[] aad = RecordCodec.aad(name, header.generation(), w.key, w.type, seq);
            byte[] plain = w.type == RecordType.PUT ? w.plaintext : EMPTY;
            byte[] sealed = crypto.seal(nonce, aad, plain, plain.length);
            records.add(new SealedValue(w.key, seq, nonce, aad, sealed, RecordCodec.encodedLength(w.key, sealed.length)));
            seq++;
            exists.put(w.key, w.type == RecordType.PUT);
        }
        return records;
    }

    /**
     * The records, an fdatasync, and only then the header that commits them. A disk may write dirty pages in
     * any order until a sync, so with one sync for both the header page could land before the record pages and a
     * power cut would leave a committed length past the data: a vault that never opens again. Here the on-disk
     * committed length never runs ahead of durable records. The header write itself is not synced: the next
     * commit's sync (or close) flushes it, and until then the records past the on-disk committed length are an
     * authenticated tail that {@link LogReader} keeps, so an acknowledged write survives either way.
     */
    private void appendDurably(List<PendingWrite> batch, List<SealedValue> records) throws IOException {
        int bytes = 0;
        int written = 0;
        for (SealedValue v : records) {
            if (v != null) {
                bytes += v.recordLength();
                written++;
            }
        }
        if (bytes == 0) {
            return;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        for (int i = 0; i < records.size(); i++) {
            SealedValue v = records.get(i);
            if (v != null) {
                RecordCodec.encode(out, batch.get(i).type, v.key(), v.nonce().getIV(), v.sealed());
            }
        }
        long newEnd = validEnd + bytes;
        file.write(out.array(), bytes, validEnd);
        file.force();
        counters.committed(written);
        VaultHeader next = header.withCommittedLength(newEnd, name, crypto);
        byte[] encodedHeader = next.encode();
        file.write(encodedHeader, encodedHeader.length, 0);
        headerUnsynced = true;
        header = next;
        validEnd = newEnd;
    }

    /**
     * Runs after the batch was acknowledged; a failure here must not turn those acknowledged writes into
     * errors, so it is left for the next commit to retry (the log stays valid without compaction).
     */
    private void compactIfWorthIt() {
        if (state.deadBytes() < Math.max(COMPACTION_MIN_DEAD_BYTES, state.liveBytes)) {
            return;
        }
        try (VaultLock.Held held = lock.acquire()) {
            catchUp();
            if (state.deadBytes() >= Math.max(COMPACTION_MIN_DEAD_BYTES, state.liveBytes)) {
                compact();
            }
        } catch (IOException | RuntimeException e) {
            compactionFailures++;
        }
    }

    /** Under the lock: apply what others appended, or reload if they replaced the file. */
    private void catchUp() throws IOException {
        if (closed) {
            throw new IllegalStateException("vault '" + name + "' is closed");
        }
        if (!file.isOpen()) {
            // An interrupted writer made NIO close the channel; the file may hold part of its batch.
            file.reopen();
            reloadAll();
            return;
        }
        try {
            if (file.replacedOnDisk()) {
                file.reopen();
                reloadAll();
                return;
            }
        } catch (NoSuchFileException e) {
            throw new VaultException("vault '" + name + "' was deleted while open");
        }
        long size = file.size();
        byte[] headerBytes = file.readHeader();
        VaultHeader onDisk = VaultHeader.decode(name, headerBytes, headerBytes.length);
        if (size == validEnd && Arrays.equals(headerBytes, header.encode())) {
            return;
        }
        if (!Arrays.equals(onDisk.generation(), header.generation())) {
            reloadAll(); // rewritten in place rather than replaced (e.g. no inode numbers): start over
            return;
        }
        onDisk.requireTag(name, crypto);
        if (onDisk.committedLength() < header.committedLength()) {
            throw new VaultCorruptedException(name, "the header's committed length went back from "
                    + header.committedLength() + " to " + onDisk.committedLength());
        }
        byte[] tail = file.readFrom(validEnd);
        validEnd = reader.replay(tail, validEnd, validEnd, validEnd + tail.length, onDisk.committedLength(),
                onDisk.generation(), state);
        header = onDisk;
    }

    private void reloadAll() throws IOException {
        byte[] bytes = file.readFrom(0);
        VaultHeader onDisk = VaultHeader.decode(name, bytes, bytes.length);
        if (!Arrays.equals(onDisk.salt(), header.salt()) || onDisk.iterations() != header.iterations()) {
            throw new VaultException("vault '" + name + "' was re-created by someone else; open it again");
        }
        onDisk.requireKey(name, crypto);
        onDisk.requireTag(name, crypto);
        VaultState fresh = new VaultState();
        long end = reader.replay(bytes, 0, onDisk.length(), bytes.length, onDisk.committedLength(),
                onDisk.generation(), fresh);
        adopt(fresh);
        header = onDisk;
        validEnd = end;
        if (!header.isCurrentVersion()) {
            upgrade();
        }
    }

    /** Swaps in a rebuilt state key by key, so concurrent gets always find a complete entry. */
    private void adopt(VaultState fresh) {
        state.entries.putAll(fresh.entries);
        state.entries.keySet().retainAll(fresh.entries.keySet());
        state.recordCount = fresh.recordCount;
        state.recordBytes = fresh.recordBytes;
        state.liveBytes = fresh.liveBytes;
    }

    /**
     * A version-1 file (no header tag, no generation) is rewritten as the current version at once, under the
     * lock, by a compaction: it re-seals every live record under the new AAD and writes a new header.
     */
    private void upgrade() throws IOException {
        VaultHeader v1 = header;
        header = VaultHeader.create(name, crypto, v1.algorithm(), v1.iterations(), v1.salt(), nonces.next(),
                nonces.generation(), VaultHeader.LENGTH);
        compact();
    }

    /** Rewrites the live records into a new file ({@link LogRewriter}) and renames it over the old one. */
    private void compact() throws IOException {
        LogRewriter.Rewritten next = LogRewriter.rewrite(name, crypto, nonces, header, state.entries.values());
        DurableFiles.replaceAtomically(file.path(), next.image());
        file.reopen();
        headerUnsynced = false;
        adopt(next.state());
        header = next.header();
        validEnd = next.image().length;
    }

    /** For tests: the open file, to observe its writes. */
    VaultFile file() {
        return file;
    }

    /** For tests: the nonce of the key-check block. */
    byte[] checkNonce() {
        return header.checkNonce().clone();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            if (headerUnsynced && file.isOpen()) {
                file.force(); // the last commit's header: see appendDurably
            }
        } finally {
            closeFiles();
        }
    }

    private void closeFiles() throws IOException {
        try {
            file.close();
        } finally {
            lock.close();
        }
    }
}
