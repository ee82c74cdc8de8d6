package dev.oktyv.probes.security.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TamperDetectionProbeTest {

    @TempDir
    Path scratch;

    // Fails today on two variants, both known holes fixed by issue 13 (format version 2: a keyed header tag and a
    // log generation in the AAD): "last record dropped and the header's committed length and CRC fixed up" opens
    // with key-4 missing, and "record 5 of the log before a compaction appended after it" opens with key-0 rolled
    // back. The other six variants are refused today.
    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new TamperDetectionProbe().run(TestVaultTargets.target(TestVaultTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).isNotEmpty();
    }

    @Test
    void failsAgainstAnEngineThatRecreatesVaultsItCannotOpen() throws Exception {
        ProbeOutcome outcome = new TamperDetectionProbe().run(TestVaultTargets.target(TestVaultTargets.lenientOpen(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(line -> assertThat(line).contains("opened without error"));
    }
}
