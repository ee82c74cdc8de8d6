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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Two vaults with the same passphrase and the same key and value must differ in salt and ciphertext, and so must
 * two keys with the same value in one vault: otherwise one precomputed dictionary serves every vault, and equal
 * ciphertexts tell an observer which secrets are equal.
 */
public final class UniqueSaltProbe implements SecurityProbe {

    @Override
    public String id() {
        return "vault.unique-salt";
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
        return "Vaults with the same passphrase have distinct salts and ciphertexts";
    }

    @Override
    public String fix() {
        return "Draw a fresh 128-bit salt from a CSPRNG for every vault and a fresh nonce for every record";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        Path dir = VaultProbeSupport.freshDirectory(target, id());
        String passphrase = VaultProbeSupport.randomSecret("pass");
        String value = VaultProbeSupport.randomSecret("twin");
        // One engine start per vault, as two deployments would create them: a seed or counter that restarts with
        // the process then shows as a repeated salt.
        for (String name : List.of("twin-a", "twin-b")) {
            try (VaultEngine engine = vaults.get().open(dir); VaultSession s = engine.create(name, Secret.of(passphrase))) {
                s.set("same-key", Secret.of(value));
                s.set("same-val", Secret.of(value));
            }
        }
        VaultFileLayout a;
        VaultFileLayout b;
        try (VaultEngine engine = vaults.get().open(dir)) {
            a = VaultFileLayout.parse(Files.readAllBytes(engine.file("twin-a")));
            b = VaultFileLayout.parse(Files.readAllBytes(engine.file("twin-b")));
        }
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (Arrays.equals(a.salt(), b.salt())) {
            failures.add("both vaults have the salt " + HexFormat.of().formatHex(a.salt()));
        } else {
            evidence.add("salts differ (" + a.salt().length * 8 + "-bit each)");
        }
        if (a.salt().length < 16) {
            failures.add("the salt has only " + a.salt().length * 8 + " bits; at least 128 are needed");
        }
        compare("the same key and value in both vaults", a.records().get(0), b.records().get(0), evidence, failures);
        compare("two keys with the same value in one vault", a.records().get(0), a.records().get(1), evidence,
                failures);
        String action = "created two vaults with one passphrase in " + vaults.get().description()
                + " (one engine start each), stored one value under two keys in each, compared salts and ciphertexts";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void compare(String what, VaultFileLayout.Record x, VaultFileLayout.Record y, List<String> evidence,
                                List<String> failures) {
        if (Arrays.equals(x.ciphertext(), y.ciphertext())) {
            failures.add(what + ": identical ciphertexts");
        } else {
            evidence.add(what + ": ciphertexts differ");
        }
    }
}
