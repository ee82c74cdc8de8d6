package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.recovery.ProbeOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class BlackHoledWriteProbeTest {

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome o = new BlackHoledWriteProbe().run(DatabaseTargets.with(DatabaseTarget.REAL).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.evidence()).anyMatch(e -> e.observation().contains("with DatabaseTimeoutException"));
        assertThat(o.recoveryMillis()).isNotNaN();
    }

    /** Without a statement timeout the driver waits for an answer that never comes: the probe must say so. */
    @Test
    void failsWhenTheEngineHasNoStatementTimeout() throws Exception {
        ProbeOutcome o = new BlackHoledWriteProbe().run(
                DatabaseTargets.with(DatabaseTargets.NO_STATEMENT_TIMEOUT).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("still blocked").contains("a dead connection hangs its caller");
    }
}
