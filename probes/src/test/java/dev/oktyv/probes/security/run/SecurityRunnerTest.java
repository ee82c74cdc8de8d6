package dev.oktyv.probes.security.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.time.NanoClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SecurityRunnerTest {

    @TempDir
    Path scratch;

    private interface Body {
        ProbeOutcome run() throws Exception;
    }

    private static SecurityProbe probe(String id, Body body) {
        return new SecurityProbe() {
            public String id() { return "general." + id; }
            public SecurityCategory category() { return SecurityCategory.GENERAL; }
            public Severity severity() { return Severity.LOW; }
            public String title() { return "t"; }
            public String fix() { return "f"; }
            public ProbeOutcome run(SecurityTarget target) throws Exception { return body.run(); }
        };
    }

    @Test
    void anExceptionBecomesNotRunWithItsOneLineReason() {
        SecurityFinding f = new SecurityRunner(Duration.ofSeconds(5), NanoClock.SYSTEM).runOne(
                probe("boom", () -> { throw new IllegalStateException("engine gone\nsecond line"); }),
                SecurityTarget.builder().scratchDir(scratch).build());
        assertThat(f.verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
        assertThat(f.reason()).contains("the probe threw IllegalStateException: engine gone");
    }

    @Test
    void aProbePastItsDeadlineIsAbandonedAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        SecurityFinding f = new SecurityRunner(Duration.ofMillis(200), NanoClock.SYSTEM).runOne(probe("hang", () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return ProbeOutcome.pass("x", List.of());
        }), SecurityTarget.builder().scratchDir(scratch).build());
        assertThat(f.verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
        assertThat(f.reason()).get().asString().startsWith("did not finish within");
        assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void findingsCarryTheProbesMetadataAndComeInOrder() {
        List<SecurityFinding> seen = new ArrayList<>();
        List<SecurityFinding> out = new SecurityRunner(Duration.ofSeconds(5), NanoClock.SYSTEM).run(List.of(
                probe("a", () -> ProbeOutcome.fail("did a", List.of("saw a"))),
                probe("b", () -> ProbeOutcome.notApplicable("no b here"))),
                SecurityTarget.builder().scratchDir(scratch).build(), seen::add);
        assertThat(out).isEqualTo(seen);
        assertThat(out.get(0).verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(out.get(0).evidence()).containsExactly("saw a");
        assertThat(out.get(0).fix()).isEqualTo("f");
        assertThat(out.get(1).reason()).contains("no b here");
    }

    @Test
    void theCatalogFindsTheBuiltInProbesAndFiltersByCategory() {
        List<SecurityProbe> all = ProbeCatalog.discover(getClass().getClassLoader());
        assertThat(all).extracting(SecurityProbe::id).contains("service.slow-clients",
                "general.dependency-advisories-critical").doesNotHaveDuplicates();
        assertThat(ProbeCatalog.select(all, EnumSet.of(SecurityCategory.GENERAL)))
                .allMatch(p -> p.category() == SecurityCategory.GENERAL).isNotEmpty();
    }
}
