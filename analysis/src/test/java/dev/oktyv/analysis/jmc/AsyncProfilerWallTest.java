package dev.oktyv.analysis.jmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.profile.JfrDigester;
import dev.oktyv.analysis.rules.JfrFileInput;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.profiles.ChildJvm;
import dev.oktyv.profiles.attach.AttachProfiler;
import dev.oktyv.results.profile.EventKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code profile --pid X --event wall} records (async-profiler's wall-clock samples in JFR) read by
 * {@code analyze FILE.jfr}: the off-CPU rule names the socket read and the application frame that waited.
 */
class AsyncProfilerWallTest {

    @Test
    void wallSamplesOfAnAttachedProcessShowWhereItWaits(@TempDir Path dir) throws Exception {
        assumeTrue(one.profiler.AsyncProfilerLoader.isSupported(), "async-profiler has no build for this platform");
        try (DelayedServer slow = new DelayedServer("127.0.0.1", 50); DelayedServer fast = new DelayedServer("127.0.0.2", 50)) {
            Process child = ChildJvm.start(List.of(), RecordedWorkloads.class.getName(), "io", "20", slow.address(),
                    fast.address());
            Path jfr = dir.resolve("wall.jfr");
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("started io");
                AttachProfiler.record(child.pid(), EventKind.WALL, Duration.ofSeconds(3), jfr);
            } finally {
                child.destroy();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            JfrDigest d = JfrDigester.digest(jfr);
            assertThat(d.wall()).isPresent();
            assertThat(d.wall().get().samples()).anySatisfy((site, n) -> {
                assertThat(site.threadGroup()).isEqualTo("main");
                assertThat(site.kind()).isEqualTo(WaitKind.SOCKET_READ);
                assertThat(site.frame()).isEqualTo(RecordedWorkloads.class.getName() + ".fetch");
            });
            List<RuleResult> results = Rules.evaluate(JfrFileInput.load(jfr), Rules.profileBased());
            RuleResult offCpu = results.stream().filter(r -> r.ruleId().equals("off-cpu")).findFirst().orElseThrow();
            // A wall-only recording enabled no monitor, park or I/O event: those rules cannot say "no contention".
            assertThat(results).filteredOn(r -> r.ruleId().equals("locks") || r.ruleId().equals("io"))
                    .allSatisfy(r -> assertThat(r.applicable()).isFalse());
            // main spends nearly all its time in the read; idle JVM threads (GC, compiler, reference handler) wait
            // in the JDK or native code and must not be the headline.
            assertThat(offCpu.summary()).contains("thread group main").contains("socket read in "
                    + RecordedWorkloads.class.getName() + ".fetch");
        }
    }
}
