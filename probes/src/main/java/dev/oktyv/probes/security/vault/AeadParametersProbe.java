package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the AEAD parameters from what the engine wrote: the format version (which fixes AES-256-GCM), a 96-bit
 * nonce and a 128-bit tag per record (ciphertext = plaintext + 16 bytes), no nonce twice among
 * {@value #DEFAULT_RECORDS} records, and an AAD that binds the vault, the key and the position: the same bytes
 * under another vault name, another key name or in another position must be refused.
 */
public final class AeadParametersProbe implements SecurityProbe {

    static final int DEFAULT_RECORDS = 100_000;
    /**
     * Writers in parallel, so group commit shares one fsync among up to this many records: 100,000 durable writes
     * then cost a few hundred fsyncs, not 100,000.
     */
    private static final int WRITERS = 256;
    private final int records;

    public AeadParametersProbe() {
        this(DEFAULT_RECORDS);
    }

    AeadParametersProbe(int records) {
        this.records = records;
    }

    @Override
    public String id() {
        return "vault.aead-parameters";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.VAULT;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "AES-256-GCM with 96-bit unique nonces and an AAD binding vault, key and position";
    }

    @Override
    public String fix() {
        return "Draw every nonce from a CSPRNG (or a persisted counter), never reuse one under a key, and bind vault "
                + "name, key name and record position into the AAD";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        // 100,000 durable writes cost minutes of fsyncs on a busy disk and seconds in memory; nonces and AAD do not
        // depend on the file system, so the vault goes to tmpfs where the machine has one.
        Path memory = Path.of("/dev/shm");
        boolean inMemory = Files.isDirectory(memory) && Files.isWritable(memory);
        Path base = inMemory ? Files.createTempDirectory(memory, "oktyv-aead-") : null;
        try {
            return run(vaults.get(), inMemory ? base.resolve("vaults")
                    : VaultProbeSupport.freshDirectory(target, id()), inMemory);
        } finally {
            if (base != null) {
                try (java.util.stream.Stream<Path> all = Files.walk(base)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private ProbeOutcome run(VaultTarget vaults, Path dir, boolean inMemory) throws Exception {
        Secret passphrase = VaultProbeSupport.randomPassphrase();
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String action = "wrote " + records + " records to a vault of " + vaults.description()
                + (inMemory ? " on tmpfs" : "")
                + " (half, restart, half), read the header and every record, then re-labelled records and reopened";
        String value = VaultProbeSupport.randomSecret("aead");
        // Two halves through two engine starts: a nonce counter that is not persisted repeats after a restart.
        try (VaultEngine engine = vaults.open(dir); VaultSession s = engine.create("aead", passphrase)) {
            writeConcurrently(s, value, 0, records / 2);
        }
        try (VaultEngine engine = vaults.open(dir)) {
            try (VaultSession s = engine.open("aead", passphrase)) {
                writeConcurrently(s, value, records / 2, records);
            }
            byte[] file = Files.readAllBytes(engine.file("aead"));
            VaultFileLayout layout = VaultFileLayout.parse(file);
            checkParameters(layout, value.length(), evidence, failures);
            checkNonces(layout, evidence, failures);
            AadBinding.check(engine, passphrase, evidence, failures);
        } finally {
            passphrase.destroy();
        }
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void writeConcurrently(VaultSession s, String value, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = from + writer; i < to; i += WRITERS) {
                        s.set(String.format("k%06d", i), Secret.of(value));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkParameters(VaultFileLayout layout, int plaintextLength, List<String> evidence,
                                        List<String> failures) {
        if (layout.version() == 1 || layout.version() == 2) {
            evidence.add("format version " + layout.version() + ": AES-256-GCM by the format's definition (docs/vault.md)");
        } else {
            failures.add("format version " + layout.version() + " is not one whose cipher is documented");
        }
        int badTags = 0;
        for (VaultFileLayout.Record r : layout.records()) {
            if (r.type() == 1 && r.ciphertext().length != plaintextLength + VaultFileLayout.TAG_BYTES) {
                badTags++;
            }
        }
        if (badTags > 0) {
            failures.add(badTags + " records whose ciphertext is not the plaintext plus a 16-byte tag");
        } else {
            evidence.add("every PUT record: ciphertext = plaintext + 16-byte tag (128-bit GCM tag, no padding)");
        }
    }

    private void checkNonces(VaultFileLayout layout, List<String> evidence, List<String> failures) {
        Set<ByteBuffer> seen = new HashSet<>();
        int repeats = 0;
        for (VaultFileLayout.Record r : layout.records()) {
            if (!seen.add(ByteBuffer.wrap(r.nonce()))) {
                repeats++;
            }
        }
        if (layout.records().size() < records) {
            failures.add("only " + layout.records().size() + " of " + records + " records found in the file");
        }
        if (repeats > 0) {
            failures.add(repeats + " repeated 96-bit nonces among " + layout.records().size()
                    + " records (a repeated GCM nonce reveals the XOR of two plaintexts and the authentication key)");
        } else {
            evidence.add(layout.records().size() + " records, " + seen.size() + " distinct 96-bit nonces, none repeated");
        }
    }
}
