package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.DiskScan;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes known secrets, closes the vault, and scans every byte the engine left in its directory for them in plain,
 * Base64, hex and UTF-16. The values must still read back, so an engine that stores nothing cannot pass.
 */
public final class EncryptionAtRestProbe implements SecurityProbe {

    @Override
    public String id() {
        return "vault.encryption-at-rest";
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
        return "Vault files hold no secret in plain, Base64, hex or UTF-16";
    }

    @Override
    public String fix() {
        return "Encrypt every value with AES-256-GCM before it reaches the disk; never write plaintext journals, "
                + "temp files or backups";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        Path dir = VaultProbeSupport.freshDirectory(target, id());
        List<String> secrets = List.of(VaultProbeSupport.randomSecret("ascii"),
                VaultProbeSupport.randomSecret("umlaut-äöü-€"), VaultProbeSupport.randomSecret("long").repeat(40));
        String passphrase = VaultProbeSupport.randomSecret("pass");
        String action = "stored " + secrets.size() + " known secrets in a new vault of " + vaults.get().description()
                + ", closed it, scanned every file in its directory";
        List<String> evidence = new ArrayList<>();
        boolean readBack = true;
        try (VaultEngine engine = vaults.get().open(dir)) {
            try (VaultSession s = engine.create("at-rest", Secret.of(passphrase))) {
                for (int i = 0; i < secrets.size(); i++) {
                    s.set("secret-" + i, Secret.of(secrets.get(i)));
                }
            }
            try (VaultSession s = engine.open("at-rest", Secret.of(passphrase))) {
                for (int i = 0; i < secrets.size(); i++) {
                    readBack &= secrets.get(i).equals(VaultProbeSupport.read(s, "secret-" + i));
                }
            }
        }
        Map<String, String> searched = new LinkedHashMap<>();
        for (int i = 0; i < secrets.size(); i++) {
            searched.put("secret #" + i, secrets.get(i));
        }
        searched.put("the passphrase", passphrase);
        DiskScan scan = DiskScan.of(dir.getParent(), searched);
        List<String> leaks = scan.leaks();
        evidence.add(scan.summary() + " for " + secrets.size() + " secrets and the passphrase");
        if (!readBack) {
            evidence.add("the secrets did not read back after reopening, so the scan proves nothing");
            return ProbeOutcome.fail(action, evidence);
        }
        if (!leaks.isEmpty()) {
            evidence.addAll(leaks);
            return ProbeOutcome.fail(action, evidence);
        }
        evidence.add("no secret found in any encoding; all values read back after reopening");
        return ProbeOutcome.pass(action, evidence);
    }
}
