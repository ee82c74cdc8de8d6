package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vault concurrent set/get (seed: 50 concurrent, 10 s, 1 s ramp-up): each worker alternates a durable set of its own
 * key (a 32-character value) and a get of the key it set last, checking the value, on one vault in a temp directory.
 * The master key is derived once when the vault is created in {@link #open()}, outside the measured time, with the
 * production key derivation; set/get never derive again, so the derivation cost cannot leak into the figures.
 */
public final class VaultSetGetScenario implements Scenario {

    public static final String ID = "vault";
    private static final int KEYS_PER_WORKER = 16;
    private static final int VALUE_CHARS = 32;

    private final Path scratchParent;
    private final KdfParams kdf;

    public VaultSetGetScenario() {
        this(null, KdfParams.defaults());
    }

    /** Tests pass a temp parent (checked to be empty afterwards) and a cheap derivation to keep setup short. */
    VaultSetGetScenario(Path scratchParent, KdfParams kdf) {
        this.scratchParent = scratchParent;
        this.kdf = kdf;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "alternating durable set and verified get of " + VALUE_CHARS + "-char values, one vault, temp dir ("
                + kdf + " once at setup)";
    }

    @Override
    public int defaultConcurrency() {
        return 50;
    }

    @Override
    public Duration defaultRampUp() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Target open() throws IOException {
        ScratchDirectory scratch = ScratchDirectory.create(scratchParent, "oktyv-load-vault-");
        VaultManager manager;
        Vault vault;
        try {
            manager = new VaultManager(scratch.path().resolve("vaults"), kdf);
            // A random passphrase per run: nothing about this vault outlives the run, nor needs to.
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            try (Secret passphrase = Secret.of(HexFormat.of().formatHex(random))) {
                vault = manager.create("load", passphrase);
            }
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
        return new Target() {
            private final AtomicInteger workers = new AtomicInteger();

            @Override
            public Session newSession() {
                int worker = workers.incrementAndGet();
                return new Session() {
                    private long n;
                    private String lastKey;
                    private String lastValue;

                    @Override
                    public Outcome execute() {
                        long i = n++;
                        if (i % 2 == 0 || lastKey == null) {
                            lastKey = "w" + worker + ".k" + (i / 2) % KEYS_PER_WORKER;
                            lastValue = value(worker, i);
                            try (Secret s = Secret.of(lastValue)) {
                                vault.set(lastKey, s);
                            }
                            return Outcome.OK;
                        }
                        Optional<Secret> got = vault.get(lastKey);
                        if (got.isEmpty()) {
                            return WrongResult.of("key missing");
                        }
                        try (Secret s = got.get()) {
                            return s.revealAsString().equals(lastValue) ? Outcome.OK : WrongResult.of("other value");
                        }
                    }
                };
            }

            @Override
            public void close() throws IOException {
                try {
                    manager.close();
                } finally {
                    scratch.close();
                }
            }
        };
    }

    /** A distinct printable value of {@value #VALUE_CHARS} characters per worker and operation. */
    private static String value(int worker, long i) {
        String head = worker + ":" + i + ":";
        StringBuilder b = new StringBuilder(VALUE_CHARS).append(head);
        while (b.length() < VALUE_CHARS) {
            b.append((char) ('a' + (b.length() * 7 + i) % 26));
        }
        return b.substring(0, VALUE_CHARS);
    }
}
