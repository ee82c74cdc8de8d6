package dev.oktyv.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PooledRunsTest {

    private static final String GET = "dev.oktyv.bench.vault.VaultBench.get";
    private static final String PUT = "dev.oktyv.bench.vault.VaultBench.put";

    @TempDir
    Path dir;

    private int runs;

    private Run run(char commit, double[][] get, double[][] put) throws IOException {
        SyntheticJmh jmh = new SyntheticJmh().add(GET, "avgt", Map.of(), "ns/op", get, null);
        if (put != null) {
            jmh.add(PUT, "avgt", Map.of(), "ns/op", put, null);
        }
        return RunLoader.load(RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-12-03T10:00:00Z")
                .plusSeconds(60L * runs++), RunFixtures.sha(commit), RunStatus.COMPLETE, jmh.json()));
    }

    @Test
    void poolsEveryForkOfEveryRunAndRecomputesTheScore() throws IOException {
        Run r1 = run('a', new double[][] {{10, 12}, {11, 11}}, null);
        Run r2 = run('a', new double[][] {{20, 22}}, null);
        Run pooled = PooledRuns.pool(List.of(r1, r2));
        Metric m = pooled.results().get(0).primary();
        assertThat(m.forks()).containsExactly(List.of(10.0, 12.0), List.of(11.0, 11.0), List.of(20.0, 22.0));
        assertThat(m.score()).isCloseTo(86.0 / 6, within(1e-9));
        assertThat(m.error()).isPositive();
        assertThat(m.confidence().contains(m.score())).isTrue();
        assertThat(pooled.results().get(0).forkCount()).isEqualTo(r1.results().get(0).forkCount()
                + r2.results().get(0).forkCount());
        assertThat(pooled.name()).isEqualTo(r2.name());
        assertThat(PooledRuns.pool(List.of(r1))).isSameAs(r1);
    }

    @Test
    void aSideReportsItsRunsAndForksAndPartialBenchmarksAreLeftOutWithAWarning() throws IOException {
        Run a1 = run('a', new double[][] {{10, 10.1}, {10, 10}}, new double[][] {{5, 5}, {5, 5.1}});
        Run b1 = run('b', new double[][] {{10, 10}, {10.1, 10}}, new double[][] {{5, 5}, {5.1, 5}});
        Run a2 = run('a', new double[][] {{10, 10}, {10, 10.1}}, null);
        Run b2 = run('b', new double[][] {{10.1, 10}, {10, 10}}, new double[][] {{5, 5}, {5, 5}});
        Comparison c = new RunComparator(VerdictPolicy.DEFAULT, FlameDiffLocator.none())
                .compare(List.of(a1, a2), List.of(b1, b2));
        assertThat(c.baseline().runs()).containsExactly(a1.name(), a2.name());
        assertThat(c.baseline().minForks()).isEqualTo(4);
        assertThat(c.samplesLine()).isEqualTo("samples: baseline 2 runs, 4 forks per benchmark; candidate 2 runs,"
                + " 4 forks per benchmark");
        // put is missing from a2: not pooled from half the rounds, not compared, and said so.
        assertThat(c.rows()).extracting(r -> r.id().methodName()).containsExactly("get");
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("1 benchmark(s) missing from some baseline runs"));
        assertThat(c.rows().get(0).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void poolingRunsOfTwoCommitsOnOneSideIsWarnedAbout() throws IOException {
        Run a = run('a', new double[][] {{10, 10}, {10, 10}}, null);
        Run b = run('b', new double[][] {{10, 10}, {10, 10}}, null);
        Comparison c = new RunComparator(VerdictPolicy.DEFAULT, FlameDiffLocator.none())
                .compare(List.of(a, b), List.of(b));
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("the baseline pools runs of 2 commits"));
    }
}
