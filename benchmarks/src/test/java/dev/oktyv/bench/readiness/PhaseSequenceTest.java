package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.readiness.Assessor;
import dev.oktyv.results.readiness.Criteria;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PhaseFigures;
import dev.oktyv.results.readiness.PhaseResult;
import dev.oktyv.results.readiness.PhaseStatus;
import dev.oktyv.results.readiness.ReadinessReport;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the phases' own reports become readiness figures. */
class PhaseSequenceTest {

    static SecurityFinding finding(String id, Severity severity, ProbeVerdict verdict) {
        return new SecurityFinding(id, SecurityCategory.FILE, severity, "t", verdict, "a", List.of("e"), "f",
                Optional.empty(), Duration.ofMillis(1));
    }

    static SecurityReport report(ProbeVerdict traversal) {
        List<SecurityFinding> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            findings.add(finding("file.ok-" + i, Severity.MEDIUM, ProbeVerdict.PASS));
        }
        // One CRITICAL probe among 31: even failed, the score stays near 87 of 100 by weight; the verdict must not.
        findings.add(finding("file.path-traversal", Severity.CRITICAL, traversal));
        return new SecurityReport(Instant.EPOCH, Duration.ofSeconds(1), List.of(SecurityCategory.FILE), List.of(),
                findings);
    }

    @Test
    void aFailedCriticalProbeTurnsSecurityAndTheVerdictNotReady() {
        Assessor assessor = new Assessor(Criteria.DEFAULTS);
        PhaseFigures.Security confined = PhaseSequence.security(report(ProbeVerdict.PASS));
        PhaseFigures.Security unconfined = PhaseSequence.security(report(ProbeVerdict.FAIL));
        assertThat(confined.criticalFailures()).isZero();
        assertThat(unconfined.criticalFailures()).isEqualTo(1);
        assertThat(unconfined.probesRun()).isEqualTo(31);

        PhaseResult ok = assessor.assess(confined, Duration.ofSeconds(1));
        PhaseResult bad = assessor.assess(unconfined, Duration.ofSeconds(1));
        assertThat(ok.status()).isEqualTo(PhaseStatus.READY);
        assertThat(bad.status()).isEqualTo(PhaseStatus.NOT_READY);
        assertThat(bad.criteria()).filteredOn(c -> !c.met()).extracting(c -> c.requirement())
                .contains("no CRITICAL failure");

        EnumSet<Phase> only = EnumSet.of(Phase.SECURITY);
        assertThat(ReadinessReport.of(Instant.EPOCH, Duration.ofSeconds(1), true, Criteria.DEFAULTS, only,
                List.of(ok)).ready()).isTrue();
        assertThat(ReadinessReport.of(Instant.EPOCH, Duration.ofSeconds(1), true, Criteria.DEFAULTS, only,
                List.of(bad)).ready()).isFalse();
    }
}
