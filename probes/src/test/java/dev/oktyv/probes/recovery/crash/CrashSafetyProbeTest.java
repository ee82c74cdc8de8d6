package dev.oktyv.probes.recovery.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three kills each (the command's default is 20): every child JVM start costs about a second here. */
@Timeout(120)
class CrashSafetyProbeTest {

    @TempDir
    Path scratch;

    @Test
    void passesAgainstTheRealEngines() throws Exception {
        ProbeOutcome o = new CrashSafetyProbe(3).run(with(CrashTarget.REAL));
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.summary()).startsWith("All ").endsWith("acknowledged writes survived 3 SIGKILLs");
    }

    @Test
    void failsAgainstAWriteBehindWriter() throws Exception {
        ProbeOutcome o = new CrashSafetyProbe(3).run(with(() -> WriteBehindChild.class.getName()));
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.FAIL);
        // Which acknowledged write the write-behind child lost first depends on where the kill lands.
        assertThat(o.summary()).containsAnyOf("acknowledged vault entry", "acknowledged file").contains("is missing");
    }

    private RecoveryTargets with(CrashTarget target) {
        return RecoveryTargets.builder(scratch).with(CrashTarget.class, target).build();
    }
}
