package dev.oktyv.system.vault;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * Builds the image of a compacted log: the live values re-sealed under a new generation, with seq restarting
 * at 0 and a fresh nonce each, after a new header. Re-sealing under a new generation is what stops a record of
 * the old log being replayed into the new one, where its seq would otherwise line up again.
 */
final class LogRewriter {

    /** The new file's bytes, its header, and the in-memory state that matches it. */
    record Rewritten(byte[] image, VaultHeader header, VaultState state) {
    }

    private LogRewriter() {
    }

    static Rewritten rewrite(String name, VaultCrypto crypto, NonceSource nonces, VaultHeader current,
                             Collection<SealedValue> liveValues) {
        byte[] generation = nonces.generation();
        List<SealedValue> live = new ArrayList<>(liveValues);
        live.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        int total = VaultHeader.LENGTH;
        List<SealedValue> resealed = new ArrayList<>(live.size());
        for (SealedValue old : live) {
            byte[] plain = new byte[old.plaintextLength()];
            try {
                crypto.open(old.nonce(), old.aad(), old.sealed(), plain);
                byte[] nonce = nonces.next();
                long seq = resealed.size();
                byte[] aad = RecordCodec.aad(name, generation, old.key(), RecordType.PUT, seq);
                byte[] sealed = crypto.seal(nonce, aad, plain, plain.length);
                SealedValue v = new SealedValue(old.key(), seq, nonce, aad, sealed,
                        RecordCodec.encodedLength(old.key(), sealed.length));
                resealed.add(v);
                total += v.recordLength();
            } catch (AEADBadTagException e) {
                throw new VaultCorruptedException(name, "in-memory record of key '" + old.key()
                        + "' no longer authenticates");
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        VaultHeader next = current.nextGeneration(generation, total, name, crypto);
        VaultState fresh = new VaultState();
        ByteBuffer out = ByteBuffer.allocate(total).put(next.encode());
        for (SealedValue v : resealed) {
            RecordCodec.encode(out, RecordType.PUT, v.key(), v.nonce().getIV(), v.sealed());
            fresh.applyPut(v);
        }
        return new Rewritten(out.array(), next, fresh);
    }
}
