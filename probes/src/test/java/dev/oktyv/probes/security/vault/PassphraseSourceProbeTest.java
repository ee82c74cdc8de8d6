package dev.oktyv.probes.security.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseSourceProbeTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(PassphraseOrigin origin) throws Exception {
        return new PassphraseSourceProbe().run(TestVaultTargets.target(TestVaultTargets.withOrigin(origin), scratch));
    }

    @Test
    void passesForAPassphraseHeldInMemoryAndForAnOwnerOnlyFile() throws Exception {
        Path file = scratch.resolve("passphrase");
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(run(PassphraseOrigin.generatedInMemory()).verdict()).isEqualTo(ProbeVerdict.PASS);
        ProbeOutcome fromFile = run(PassphraseOrigin.file(file));
        assertThat(fromFile.verdict()).as("%s", fromFile).isEqualTo(ProbeVerdict.PASS);
        assertThat(fromFile.evidence()).anySatisfy(l -> assertThat(l).startsWith("keychain: "));
    }

    @Test
    void failsForAnEnvironmentVariable() throws Exception {
        ProbeOutcome outcome = run(PassphraseOrigin.environmentVariable("OKTYV_VAULT_PASSPHRASE"));

        assertThat(outcome.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence().get(0)).contains("OKTYV_VAULT_PASSPHRASE");
    }

    @Test
    void failsForAWorldReadableFile() throws Exception {
        Path file = scratch.resolve("passphrase");
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ProbeOutcome outcome = run(PassphraseOrigin.file(file));

        assertThat(outcome.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence().get(0)).contains("rw-r--r--", "others can read");
    }
}
