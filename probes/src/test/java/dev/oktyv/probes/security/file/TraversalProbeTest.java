package dev.oktyv.probes.security.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraversalProbeTest {

    @TempDir
    Path scratch;

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new TraversalProbe().run(TestFileTargets.target(TestFileTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.action()).contains("54 traversal payloads", "18 operations");
    }

    @Test
    void failsAgainstAnEngineWithConfinementOff() throws Exception {
        ProbeOutcome outcome = new TraversalProbe().run(TestFileTargets.target(TestFileTargets.unconfined(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("read: ")
                .endsWith("e.g. '../outside/sentinel.txt': returned the sentinel's content"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("write(bytes) over the sentinel: ")
                .contains("outside/sentinel.txt was changed"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("delete: ")
                .contains("outside/sentinel.txt was removed"));
    }
}
