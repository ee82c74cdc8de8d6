package dev.oktyv.probes.security.general;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEnvironmentProbeTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(Map<String, String> env) {
        return new SecretEnvironmentProbe().run(SecurityTarget.builder().scratchDir(scratch)
                .with(EnvironmentTarget.class, new EnvironmentTarget(env)).build());
    }

    @Test
    void flagsSecretNamesAndKeyShapedValuesWithoutPrintingThem() {
        String awsKey = "AKIA" + "ABCDEFGHIJKLMNOP";
        ProbeOutcome o = run(Map.of("PATH", "/usr/bin", "OKTYV_VAULT_PASSPHRASE", "correct horse battery",
                "HARMLESS", awsKey, "VAULT_PASSWORD_FILE", "/run/secrets/p", "EMPTY_TOKEN", ""));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence()).containsExactly("HARMLESS: value looks like an AWS access key id",
                "OKTYV_VAULT_PASSPHRASE: secret-named variable with a 21-character value");
        assertThat(String.join("\n", o.evidence())).doesNotContain("horse").doesNotContain(awsKey);
    }

    @Test
    void aCleanEnvironmentPasses() {
        ProbeOutcome o = run(Map.of("PATH", "/usr/bin", "HOME", "/home/x", "OKTYV_TOKEN_FILE", "/run/secrets/t"));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.PASS);
    }
}
