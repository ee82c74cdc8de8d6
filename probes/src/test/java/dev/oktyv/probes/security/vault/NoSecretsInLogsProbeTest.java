package dev.oktyv.probes.security.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoSecretsInLogsProbeTest {

    @TempDir
    Path scratch;

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new NoSecretsInLogsProbe().run(TestVaultTargets.target(TestVaultTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).isNotEmpty();
    }

    @Test
    void failsAgainstAnEngineThatLogsValues() throws Exception {
        ProbeOutcome outcome = new NoSecretsInLogsProbe().run(TestVaultTargets.target(TestVaultTargets.leakyLogger(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(line -> assertThat(line).contains("a stored value appears"));
    }
}
