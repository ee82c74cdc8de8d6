package dev.oktyv.probes.recovery.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each API probe passes against the real client and fails against a weakened one. */
@Timeout(60)
class ApiProbesTest {

    private static final RecoveryTargets REAL = ApiTargets.with(ApiTarget.REAL);

    @Test
    void retryLogicPassesAgainstTheRealClient() throws Exception {
        ProbeOutcome o = new RetryLogicProbe().run(REAL);
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.attempts()).hasValue(3);
        assertThat(o.summary()).isEqualTo("Recovered after 3 attempts");
        assertThat(o.recoveryMillis()).isBetween(200.0, 600.0);
    }

    @Test
    void retryLogicFailsWithRetriesOff() throws Exception {
        ProbeOutcome o = new RetryLogicProbe().run(ApiTargets.with(ApiTargets.RETRIES_OFF));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("after 1 attempts");
    }

    @Test
    void retryLogicFailsWhenPostIsRetried() throws Exception {
        ProbeOutcome o = new RetryLogicProbe().run(ApiTargets.with(ApiTargets.POST_RETRIED));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("POST").contains("server received 2");
    }

    @Test
    void circuitBreakerPassesAgainstTheRealClient() throws Exception {
        ProbeOutcome o = new CircuitBreakerProbe().run(REAL);
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
        // OPEN to CLOSED on the breaker's own (injected) clock: the open wait (and the 1 ms past it).
        assertThat(o.recoveryMillis()).isEqualTo(30_001.0);
    }

    @Test
    void circuitBreakerFailsWithTheBreakerOff() throws Exception {
        ProbeOutcome o = new CircuitBreakerProbe().run(ApiTargets.with(ApiTargets.BREAKER_OFF));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("expected CLOSED→OPEN");
    }

    @Test
    void timeoutHandlingPassesAgainstTheRealClient() throws Exception {
        ProbeOutcome o = new TimeoutHandlingProbe().run(REAL);
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void timeoutHandlingFailsWithoutATimeout() throws Exception {
        ProbeOutcome o = new TimeoutHandlingProbe().run(ApiTargets.with(ApiTargets.NO_TIMEOUT));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("returned status 200");
    }

    @Test
    void withoutATargetTheProbesDoNotRun() throws Exception {
        RecoveryTargets none = RecoveryTargets.builder(Path.of("unused")).build();
        assertThat(new RetryLogicProbe().run(none).verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
        assertThat(new CircuitBreakerProbe().run(none).notRunReason()).contains("no API target configured");
    }
}
