package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.recovery.ProbeVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConnectionFailureProbeTest {

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome o = new ConnectionFailureProbe().run(DatabaseTargets.with(DatabaseTarget.REAL).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASSED);
        assertThat(o.recoveryMillis()).isLessThan(5_000.0);
        assertThat(o.evidence()).anyMatch(e -> e.source().equals("HealthStatus.PoolStats"));
    }

    @Test
    void failsWhenTheEngineWaitsFarBeyondItsConfiguredTimeout() throws Exception {
        ProbeOutcome o = new ConnectionFailureProbe().run(DatabaseTargets.with(DatabaseTargets.NO_TIMEOUT).build());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAILED);
        assertThat(o.summary()).contains("down:").contains("limit: connection timeout 1000 ms");
    }
}
