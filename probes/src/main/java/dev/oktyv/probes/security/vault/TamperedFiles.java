package dev.oktyv.probes.security.vault;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tampered copies of one small vault that {@link TamperDetectionProbe} presents to the engine, and what the
 * engine shows when it wrongly opens one.
 */
final class TamperedFiles {

    static final String VAULT = "tamper";
    private static final String OTHER = "tamper-other";
    /** Overwrites of one key with values this large make dead bytes pass the engine's 256 KiB compaction floor. */
    private static final int BIG_VALUE_CHARS = 32 * 1024;
    private static final int MAX_OVERWRITES = 64;

    record Variant(String name, byte[] bytes) {
    }

    private final byte[] original;
    private final List<String> values;
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private TamperedFiles(byte[] original, List<String> values) {
        this.original = original;
        this.values = values;
    }

    /** Writes the vault (and a twin in another vault with the same passphrase) and builds every variant. */
    static TamperedFiles prepare(VaultEngine engine, Secret passphrase) throws IOException {
        List<String> values = new ArrayList<>();
        try (VaultSession s = engine.create(VAULT, passphrase); VaultSession o = engine.create(OTHER, passphrase)) {
            for (int i = 0; i < TamperDetectionProbe.KEYS; i++) {
                String v = VaultProbeSupport.randomSecret("tamper-" + i);
                values.add(v);
                s.set(key(i), Secret.of(v));
                o.set(key(i), Secret.of(VaultProbeSupport.randomSecret("shadow-" + i)));
            }
        }
        byte[] original = Files.readAllBytes(engine.file(VAULT));
        byte[] other = Files.readAllBytes(engine.file(OTHER));
        TamperedFiles t = new TamperedFiles(original, values);
        t.build(original, other);
        t.replayAfterCompaction(engine, passphrase);
        Files.write(engine.file(VAULT), original);
        return t;
    }

    static String key(int i) {
        return "key-" + i;
    }

    private void build(byte[] file, byte[] other) {
        VaultFileLayout layout = VaultFileLayout.parse(file);
        VaultFileLayout.Record second = layout.records().get(1);
        VaultFileLayout.Record third = layout.records().get(2);
        VaultFileLayout.Record last = layout.lastRecord();
        int cipherAt = second.offset() + 6 + second.key().length() + VaultFileLayout.NONCE_BYTES;
        variants.add(new Variant("one bit flipped in the ciphertext of record 2",
                TamperDetectionProbe.flip(file, cipherAt + 3)));
        variants.add(new Variant("one bit flipped in the tag of the last record",
                TamperDetectionProbe.flip(file, last.offset() + last.length() - 1)));
        variants.add(new Variant("truncated in the middle of the last record",
                TamperDetectionProbe.cut(file, last.offset() + last.length() / 2)));
        variants.add(new Variant("last record cut off, header left as it was",
                TamperDetectionProbe.cut(file, last.offset())));
        // Splice between keys: record 3's nonce and ciphertext under record 2's key (values have equal lengths).
        byte[] spliced = file.clone();
        int thirdBody = third.offset() + 6 + third.key().length();
        int secondBody = second.offset() + 6 + second.key().length();
        System.arraycopy(file, thirdBody, spliced, secondBody, third.length() - 6 - third.key().length());
        variants.add(new Variant("key-2's ciphertext spliced into key-1's record", spliced));
        // Splice between vaults: the other vault's record for the same key, same position.
        VaultFileLayout otherLayout = VaultFileLayout.parse(other);
        VaultFileLayout.Record foreign = otherLayout.records().get(1);
        byte[] crossVault = file.clone();
        System.arraycopy(other, foreign.offset(), crossVault, second.offset(), foreign.length());
        variants.add(new Variant("key-1's record replaced by the same key's record from another vault", crossVault));
        // Rollback: drop the last record and make the header agree (committed length + CRC recomputed).
        variants.add(new Variant("last record dropped and the header's committed length and CRC fixed up",
                VaultFileLayout.withCommittedLength(TamperDetectionProbe.cut(file, last.offset()), last.offset())));
    }

    /**
     * Overwrites one key until the engine compacts (the file is replaced), then appends the pre-compaction record
     * that has the sequence number the new log expects next and fixes up the header: without a log generation in
     * the AAD it authenticates and an old value comes back.
     */
    private void replayAfterCompaction(VaultEngine engine, Secret passphrase) throws IOException {
        Path file = engine.file(VAULT);
        byte[] before = null;
        boolean compacted = false;
        try (VaultSession s = engine.open(VAULT, passphrase)) {
            String big = "x".repeat(BIG_VALUE_CHARS);
            for (int i = 0; i < MAX_OVERWRITES && !compacted; i++) {
                before = Files.readAllBytes(file);
                Object identity = identity(file);
                s.set(key(0), Secret.of(big + i));
                compacted = !Objects.equals(identity, identity(file)) || Files.size(file) < before.length;
            }
        }
        if (!compacted) {
            skipped.add("replay after compaction: not exercised, the engine did not compact after " + MAX_OVERWRITES
                    + " overwrites of " + BIG_VALUE_CHARS + " characters");
            return;
        }
        byte[] after = Files.readAllBytes(file);
        VaultFileLayout now = VaultFileLayout.parse(after);
        List<VaultFileLayout.Record> old = VaultFileLayout.parse(before).records();
        int nextSeq = now.records().size();
        if (old.size() <= nextSeq) {
            skipped.add("replay after compaction: not exercised, the old log has no record at position " + nextSeq);
            return;
        }
        VaultFileLayout.Record replayed = old.get(nextSeq);
        ByteBuffer out = ByteBuffer.allocate(after.length + replayed.length());
        out.put(after).put(before, replayed.offset(), replayed.length());
        variants.add(new Variant("record " + nextSeq + " of the log before a compaction ('" + replayed.key()
                + "') appended after it, header fixed up",
                VaultFileLayout.withCommittedLength(out.array(), out.capacity())));
    }

    private static Object identity(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    List<Variant> variants() {
        return variants;
    }

    List<String> skipped() {
        return skipped;
    }

    byte[] original() {
        return original;
    }

    /** What a wrongly opened vault shows: how many of the original keys still read back unchanged. */
    String describeContent(VaultSession s) {
        int same = 0;
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String now = VaultProbeSupport.read(s, key(i));
            if (values.get(i).equals(now)) {
                same++;
            } else {
                changed.add(key(i) + (now == null ? " missing" : " holds another value"));
            }
        }
        return same + " of " + values.size() + " keys read back unchanged"
                + (changed.isEmpty() ? "" : " (" + String.join(", ", changed) + ")");
    }
}
