package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tampers with a small vault the way someone who can write the file but has no passphrase can: a flipped bit, a
 * truncation, a record spliced in from another key or another vault, trailing records dropped with the header's
 * committed length and CRC fixed up (a rollback that brings a deleted secret back), and a record from before a
 * compaction replayed after it. Each must make {@code open} fail with a message; opening (silently accepting or
 * dropping records) is the finding.
 */
public final class TamperDetectionProbe implements SecurityProbe {

    static final int KEYS = 5;

    @Override
    public String id() {
        return "vault.tamper-detection";
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
        return "Flipped, truncated, spliced, rolled-back and replayed vault files are refused";
    }

    @Override
    public String fix() {
        return "Authenticate every record (AEAD with vault, key, position and log generation in the AAD) and the "
                + "header's committed length with a keyed tag, not only a CRC";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        Path dir = VaultProbeSupport.freshDirectory(target, id());
        Secret passphrase = VaultProbeSupport.randomPassphrase();
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (VaultEngine engine = vaults.get().open(dir)) {
            TamperedFiles files = TamperedFiles.prepare(engine, passphrase);
            for (TamperedFiles.Variant v : files.variants()) {
                Files.write(engine.file(TamperedFiles.VAULT), v.bytes());
                try (VaultSession s = engine.open(TamperedFiles.VAULT, passphrase)) {
                    failures.add(v.name() + ": opened without error; " + files.describeContent(s));
                } catch (RuntimeException e) {
                    String message = e.getMessage();
                    if (message == null || message.isBlank()) {
                        failures.add(v.name() + ": refused, but with no message (" + e.getClass().getName() + ")");
                    } else {
                        evidence.add(v.name() + ": refused (" + VaultProbeSupport.firstLine(e) + ")");
                    }
                }
            }
            evidence.addAll(files.skipped());
            Files.write(engine.file(TamperedFiles.VAULT), files.original());
        } finally {
            passphrase.destroy();
        }
        String action = "tampered with a " + KEYS + "-key vault of " + vaults.get().description()
                + " in " + (evidence.size() + failures.size()) + " ways and reopened it after each";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    static byte[] flip(byte[] bytes, int at) {
        byte[] out = bytes.clone();
        out[at] ^= 0x01;
        return out;
    }

    static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
