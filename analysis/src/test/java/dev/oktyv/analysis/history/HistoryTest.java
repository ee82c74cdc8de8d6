package dev.oktyv.analysis.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path dir;

    @Test
    void detectsOneStepOnceAndNothingInAFlatSeries() {
        Random rnd = new Random(3);
        double[] step = new double[20];
        double[] flat = new double[20];
        for (int i = 0; i < 20; i++) {
            step[i] = (i < 10 ? 100 : 112) * (1 + 0.01 * rnd.nextGaussian());
            flat[i] = 100 * (1 + 0.01 * rnd.nextGaussian());
        }
        List<ChangePoint> cps = ChangePointDetector.DEFAULT.detect(step);
        assertThat(cps).singleElement().satisfies(c -> {
            assertThat(c.index()).isEqualTo(10);
            assertThat(c.change()).isBetween(0.09, 0.15);
        });
        assertThat(ChangePointDetector.DEFAULT.detect(flat)).isEmpty();
    }

    @Test
    void runsAreOrderedByCommitDateWhenGitKnowsItAndFilteredByRegex() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        // Measured in the order a, b, c; but commit c is older than b (a re-run of an old commit).
        RunFixtures.create(store, t, RunFixtures.sha('a'), RunStatus.COMPLETE, jmh(100));
        RunFixtures.create(store, t.plusSeconds(60), RunFixtures.sha('b'), RunStatus.COMPLETE, jmh(120));
        RunFixtures.create(store, t.plusSeconds(120), RunFixtures.sha('c'), RunStatus.COMPLETE, jmh(110));
        RunFixtures.create(store, t.plusSeconds(180), RunFixtures.sha('d'), RunStatus.INCOMPLETE, jmh(999));
        Map<String, Instant> dates = Map.of(RunFixtures.sha('a'), t.minusSeconds(3000), RunFixtures.sha('b'), t.minusSeconds(1000),
                RunFixtures.sha('c'), t.minusSeconds(2000));
        CommitDates git = sha -> Optional.ofNullable(dates.get(sha));
        List<BenchmarkHistory> h = new HistoryBuilder(store, git, ChangePointDetector.DEFAULT).build(Pattern.compile("Vault"), 10);
        assertThat(h).singleElement().satisfies(b -> {
            assertThat(b.scores()).containsExactly(100, 110, 120);
            assertThat(b.points()).allMatch(HistoryPoint::fromCommitDate);
        });
        assertThat(new HistoryBuilder(store, git, ChangePointDetector.DEFAULT).build(Pattern.compile("Vault"), 2).get(0).scores())
                .containsExactly(110, 120);
        assertThat(new HistoryBuilder(store, CommitDates.none(), ChangePointDetector.DEFAULT).build(Pattern.compile("Vault"), 10)
                .get(0).scores()).containsExactly(100, 120, 110);
        assertThat(new HistoryBuilder(store, git, ChangePointDetector.DEFAULT).build(Pattern.compile("Nope"), 10)).isEmpty();
        String html = HistoryWriter.html(h, ChangePointDetector.DEFAULT);
        assertThat(html).contains("<svg", "VaultBench.get").doesNotContain("<script");
    }

    private static String jmh(double level) {
        return new SyntheticJmh().add("dev.oktyv.bench.vault.VaultBench.get", "avgt", Map.of(), "us/op",
                new double[][] {{level, level}, {level, level}}, null).json();
    }
}
