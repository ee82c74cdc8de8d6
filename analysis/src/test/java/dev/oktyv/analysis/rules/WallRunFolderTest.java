package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.results.profile.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run captured with {@code --profile wall}: its collapsed wall profile reaches the off-CPU rule through the run folder. */
class WallRunFolderTest {

    private static final String BENCH = "b.Client.call";

    @Test
    void theWallProfileOfARunNamesWhereItsWorkersWait(@TempDir Path dir) throws Exception {
        RunFolder run = RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-11-20T10:00:00Z"), RunFixtures.sha('a'),
                RunStatus.COMPLETE, new SyntheticJmh().add(BENCH, "thrpt", Map.of(), "ops/ms", new double[][] {{10}}, null).json());
        String wid = ProfileArtifacts.benchmarkId(BENCH, Map.of());
        Files.createDirectories(run.profilesDir(wid));
        String worker = "java/lang/Thread.run;b/jmh_generated/Client_call_jmhTest.call_thrpt;b/Client.call;";
        Files.writeString(run.profilesDir(wid).resolve(ProfileArtifacts.collapsed(EventKind.WALL, 1)), String.join("\n",
                worker + "app/JdkHttpTransport.send;sun/nio/ch/SocketDispatcher.read0;__GI_read 770",
                worker + "app/Json.parse 230",
                "java/lang/Thread.run;org/openjdk/jmh/runner/BenchmarkHandler.runIteration;jdk/internal/misc/Unsafe.park;futex 5000",
                ""));

        RuleResult r = new OffCpuRule().evaluate(AnalysisInputLoader.load(run));

        assertThat(r.summary()).isEqualTo(wid + ": 77.0% of the time of JMH worker threads (stacks through a _jmhTest stub)"
                + " is spent waiting in socket read in app.JdkHttpTransport.send");
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
    }
}
