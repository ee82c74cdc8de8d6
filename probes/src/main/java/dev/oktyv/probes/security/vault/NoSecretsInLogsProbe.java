package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.OutputCapture;
import dev.oktyv.probes.security.leak.SecretEncodings;
import dev.oktyv.probes.security.leak.Throwables;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Captures every printed line, log record and exception message (with causes) while the vault is used and broken:
 * create, set, get, delete, {@code toString}, a wrong passphrase, a corrupt file, an invalid key name next to a
 * secret value. None may contain a secret or a passphrase, in any encoding.
 */
public final class NoSecretsInLogsProbe implements SecurityProbe {

    @Override
    public String id() {
        return "vault.no-secrets-in-logs";
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
        return "No secret or passphrase in logs, printed output or exception messages of vault operations";
    }

    @Override
    public String fix() {
        return "Keep values in Secret (redacted toString); name keys, vaults and byte offsets in messages, never values";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        Path dir = VaultProbeSupport.freshDirectory(target, id());
        String passphrase = VaultProbeSupport.randomSecret("pass");
        String wrong = VaultProbeSupport.randomSecret("wrong");
        String value = VaultProbeSupport.randomSecret("logged");
        StringBuilder said = new StringBuilder();
        int errors = 0;
        String captured;
        int records;
        try (OutputCapture capture = OutputCapture.start(); VaultEngine engine = vaults.get().open(dir)) {
            try (VaultSession s = engine.create("logs", Secret.of(passphrase))) {
                s.set("api-key", Secret.of(value));
                s.get("api-key").ifPresent(Secret::destroy);
                said.append(s).append('\n').append(engine).append('\n');
                errors += attempt(() -> s.set("bad key/../", Secret.of(value)), said);
                s.delete("api-key");
                s.set("api-key", Secret.of(value));
            }
            errors += attempt(() -> engine.open("logs", Secret.of(wrong)).close(), said);
            errors += attempt(() -> engine.create("logs", Secret.of(passphrase)).close(), said);
            byte[] file = Files.readAllBytes(engine.file("logs"));
            VaultFileLayout layout = VaultFileLayout.parse(file);
            byte[] corrupt = TamperDetectionProbe.flip(file, layout.lastRecord().offset() + layout.lastRecord().length() - 2);
            Files.write(engine.file("logs"), corrupt);
            errors += attempt(() -> engine.open("logs", Secret.of(passphrase)).close(), said);
            Files.write(engine.file("logs"), TamperDetectionProbe.cut(file, 20));
            errors += attempt(() -> engine.open("logs", Secret.of(passphrase)).close(), said);
            captured = capture.text();
            records = capture.recordCount();
        }
        String all = captured + "\n" + said;
        List<String> failures = new ArrayList<>();
        scan("a stored value", value, all, failures);
        scan("the passphrase", passphrase, all, failures);
        scan("a wrong passphrase", wrong, all, failures);
        String action = "used and broke a vault of " + vaults.get().description() + " (wrong passphrase, corrupt and "
                + "truncated file, invalid key, duplicate create) while capturing output, logs and exceptions";
        List<String> evidence = new ArrayList<>();
        evidence.add("captured " + captured.length() + " characters of output, " + records + " log records, "
                + errors + " exception messages with their causes");
        if (errors < 5) {
            // Not this probe's finding (tamper detection judges that), but it means fewer messages were scanned.
            evidence.add("only " + errors + " of 5 error paths raised an exception");
        }
        if (failures.isEmpty()) {
            evidence.add("no secret or passphrase found in any of 7 encodings");
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void scan(String what, String secret, String text, List<String> failures) {
        for (String encoding : SecretEncodings.of(secret).find(text)) {
            failures.add(what + " appears in the captured output or messages as " + encoding);
        }
    }

    private static int attempt(Runnable operation, StringBuilder said) {
        try {
            operation.run();
            return 0;
        } catch (RuntimeException e) {
            said.append(Throwables.describe(e)).append('\n');
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            said.append(trace).append('\n');
            return 1;
        }
    }
}
