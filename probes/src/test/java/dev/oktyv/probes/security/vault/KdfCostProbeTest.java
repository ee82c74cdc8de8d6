package dev.oktyv.probes.security.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdfCostProbeTest {

    @TempDir
    Path scratch;

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new KdfCostProbe().run(TestVaultTargets.target(new EngineVaultTarget(dev.oktyv.system.vault.KdfParams.defaults(), PassphraseOrigin.prompt()), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).isNotEmpty();
    }

    @Test
    void failsAgainstATestOnlyKdf() throws Exception {
        ProbeOutcome outcome = new KdfCostProbe().run(TestVaultTargets.target(TestVaultTargets.weakKdf(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(line -> assertThat(line).contains("1000 iterations"));
    }
}
