package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the key derivation from a new vault's header: PBKDF2-HMAC-SHA256 needs at least
 * {@value #MINIMUM_PBKDF2_ITERATIONS} iterations (OWASP 2023). A KDF the format does not name as PBKDF2 is judged by
 * the measured time of an open (which derives the key once) against {@link #MEASURED_FLOOR}.
 */
public final class KdfCostProbe implements SecurityProbe {

    static final int MINIMUM_PBKDF2_ITERATIONS = 600_000;
    static final int PBKDF2_HMAC_SHA256_ID = 1;
    /** About what 600,000 PBKDF2-HMAC-SHA256 iterations take on a 2020s server core, halved for fast machines. */
    static final Duration MEASURED_FLOOR = Duration.ofMillis(150);

    @Override
    public String id() {
        return "vault.kdf-cost";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.VAULT;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "The passphrase KDF costs at least 600,000 PBKDF2-HMAC-SHA256 iterations";
    }

    @Override
    public String fix() {
        return "Create vaults with KdfParams.defaults() (600,000 iterations) or more; re-create vaults made with a "
                + "test setting";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        Path dir = VaultProbeSupport.freshDirectory(target, id());
        String passphrase = VaultProbeSupport.randomSecret("pass");
        String action = "created a vault with " + vaults.get().description() + " and read its KDF from the header";
        try (VaultEngine engine = vaults.get().open(dir)) {
            engine.create("kdf", Secret.of(passphrase)).close();
            VaultFileLayout header = VaultFileLayout.parse(Files.readAllBytes(engine.file("kdf")));
            List<String> evidence = new ArrayList<>();
            if (header.kdfAlgorithmId() == PBKDF2_HMAC_SHA256_ID) {
                evidence.add("KDF: PBKDF2-HMAC-SHA256, " + header.iterations() + " iterations (minimum "
                        + MINIMUM_PBKDF2_ITERATIONS + ")");
                return header.iterations() >= MINIMUM_PBKDF2_ITERATIONS ? ProbeOutcome.pass(action, evidence)
                        : ProbeOutcome.fail(action, evidence);
            }
            // Not PBKDF2: measure what an attacker pays per guess, roughly, as the time of one open.
            long start = System.nanoTime();
            engine.open("kdf", Secret.of(passphrase)).close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            evidence.add("KDF id " + header.kdfAlgorithmId() + " (not PBKDF2): one open took " + took.toMillis()
                    + " ms, floor " + MEASURED_FLOOR.toMillis() + " ms");
            return took.compareTo(MEASURED_FLOOR) >= 0 ? ProbeOutcome.pass(action + ", timed an open", evidence)
                    : ProbeOutcome.fail(action + ", timed an open", evidence);
        }
    }
}
