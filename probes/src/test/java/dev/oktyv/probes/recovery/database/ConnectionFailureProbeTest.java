package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class ConnectionFailureProbeTest {

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome o = new ConnectionFailureProbe().run(DatabaseTargets.with(DatabaseTarget.REAL).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.recoveryMillis()).isLessThan(5_000.0);
        assertThat(o.attempts()).isPresent();
        assertThat(o.attempts().getAsInt()).isGreaterThanOrEqualTo(2);
        assertThat(o.evidence()).anyMatch(e -> e.source().equals("HealthStatus.PoolStats"))
                .anyMatch(e -> e.source().equals("ConnectionRetry"));
    }

    @Test
    void failsWhenTheEngineDoesNotRetryConnections() throws Exception {
        ProbeOutcome o = new ConnectionFailureProbe().run(DatabaseTargets.with(DatabaseTargets.NO_RETRY).build());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("the next one failed (DatabaseConnectionException").contains("after 1 attempts");
    }

    @Test
    void failsWhenTheEngineWaitsFarBeyondItsConfiguredTimeout() throws Exception {
        ProbeOutcome o = new ConnectionFailureProbe().run(DatabaseTargets.with(DatabaseTargets.NO_TIMEOUT).build());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        // Its one 10 s attempt outlasts the outage (no retry event), and three of them blow the capped budget.
        assertThat(o.evidence()).anyMatch(e -> e.observation().startsWith("FAILED") && e.observation()
                .contains("down for good") && e.observation().contains("connection timeout 1000 ms"));
    }
}
