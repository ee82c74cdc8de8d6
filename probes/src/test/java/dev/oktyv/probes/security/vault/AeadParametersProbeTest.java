package dev.oktyv.probes.security.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AeadParametersProbeTest {

    @TempDir
    Path scratch;

    @Test
    void passesAgainstTheRealEngineOverAHundredThousandRecords() throws Exception {
        ProbeOutcome outcome = new AeadParametersProbe().run(TestVaultTargets.target(TestVaultTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("100000 records, 100000 distinct"));
        assertThat(outcome.evidence()).filteredOn(l -> l.contains(": refused")).hasSize(3);
    }

    @Test
    void failsAgainstANonceCounterThatRestarts() throws Exception {
        ProbeOutcome outcome = new AeadParametersProbe(2_000)
                .run(TestVaultTargets.target(TestVaultTargets.restartingCounterNonces(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        // The second engine start replays the counter over the first half's nonces: about a thousand repeats (the
        // exact number depends on how many values the engine draws at create besides record nonces).
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .matches("9[0-9][0-9] repeated 96-bit nonces among 2000 records .*"));
    }
}
