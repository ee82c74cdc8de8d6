package dev.oktyv.probes.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.recovery.RecoveryReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RecoveryRunnerTest {

    private static final RecoveryTargets NONE = RecoveryTargets.builder(Path.of("unused")).build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void discoversEveryProbeOnTheClassPathWithUniqueIds() {
        List<RecoveryProbe> probes = RecoveryRunner.discover();
        assertThat(probes).extracting(RecoveryProbe::id).containsExactly("circuit-breaker", "connection-failure",
                "crash-safety", "database-black-hole", "exactly-once", "graceful-degradation", "retry-logic",
                "service-error-answers", "smtp-outage", "timeout-handling");
        assertThat(RecoveryRunner.select(probes, Optional.of(Pattern.compile("^retry")))).extracting(RecoveryProbe::id)
                .containsExactly("retry-logic");
    }

    @Test
    void aProbeThatThrowsOrOverrunsItsDeadlineFailsWithoutItsMessage() {
        RecoveryProbe throwing = probe("throws", t -> {
            throw new IllegalStateException("jdbc:h2:tcp://secret-host/db");
        });
        CountDownLatch never = new CountDownLatch(1);
        RecoveryProbe hanging = probe("hangs", t -> {
            never.await();
            return null;
        });
        RecoveryReport r = new RecoveryRunner(Duration.ofMillis(300), CLOCK)
                .run(List.of(throwing, hanging), NONE, RecoveryRunner.ProbeListener.silent());
        assertThat(r.outcomes()).extracting(ProbeOutcome::verdict).containsOnly(ProbeVerdict.FAIL);
        assertThat(r.outcomes().get(0).summary()).isEqualTo("probe stopped by IllegalStateException");
        assertThat(r.outcomes().get(1).summary()).isEqualTo("did not finish within 300 ms");
        assertThat(r.outcomes().toString()).doesNotContain("secret-host");
    }

    @Test
    void theConsoleEarnsEachLineAndUsesTheSeedsBands() {
        RecoveryProbe ok = probe("good-one", t -> outcome("good-one", ProbeVerdict.PASS, "Recovered after 3 attempts"));
        RecoveryProbe bad = probe("bad-one", t -> outcome("bad-one", ProbeVerdict.FAIL, "no fallback"));
        RecoveryProbe skipped = probe("skipped", t -> ProbeOutcome.notRun("skipped", "Skipped", "no target"));
        StringWriter text = new StringWriter();
        RecoveryConsole console = new RecoveryConsole(new PrintWriter(text));
        RecoveryReport r = new RecoveryRunner(Duration.ofSeconds(5), CLOCK).run(List.of(ok, bad, skipped), NONE, console);
        console.summary(r);
        assertThat(text.toString()).contains("💥 Testing Probe good-one\n   ✅ Recovered after 3 attempts\n")
                .contains("   ❌ no fallback\n").contains("   ⏭️ not run: no target\n")
                .contains("📊 Recovery success rate: 50.0% (1 of 2 passed, 1 not run): Needs work");
    }

    private static ProbeOutcome outcome(String id, ProbeVerdict verdict, String summary) {
        return new ProbeOutcome(id, "Probe " + id, "test", verdict, summary, Double.NaN, OptionalInt.empty(),
                List.of(), Optional.empty());
    }

    private interface Body {
        ProbeOutcome run(RecoveryTargets targets) throws Exception;
    }

    private static RecoveryProbe probe(String id, Body body) {
        return new RecoveryProbe() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return "Probe " + id;
            }

            @Override
            public ProbeOutcome run(RecoveryTargets targets) throws Exception {
                return body.run(targets);
            }
        };
    }
}
