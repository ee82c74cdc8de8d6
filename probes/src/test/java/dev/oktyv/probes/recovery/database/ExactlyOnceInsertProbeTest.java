package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class ExactlyOnceInsertProbeTest {

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome o = new ExactlyOnceInsertProbe().run(DatabaseTargets.with(DatabaseTarget.REAL).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void failsWhenTheCallerRetriesBlindly() throws Exception {
        ProbeOutcome o = new ExactlyOnceInsertProbe().run(DatabaseTargets.with(DatabaseTarget.REAL)
                .with(InsertPath.class, DatabaseTargets.BLIND_RETRY).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).containsPattern("[1-9]\\d* present more than once");
    }
}
