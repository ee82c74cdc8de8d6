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
        // one whole-numbered slot per run, run id and commit on hover and in the table
        assertThat(html).contains("class=\"tick\">#1</text>", "class=\"tick\">#3</text>", "<title>run 20261120T100000Z-aaaaaaaaaa, commit aaaaaaaaaa")
                .contains("<td>20261120T100200Z-cccccccccc</td>").doesNotContainPattern("class=\"tick\">\\d+\\.\\d");
    }

    @Test
    void aShiftInTheNewestRunIsMarkedAsSoonAsItLandsOnAHeldOutSeries() throws IOException {
        // Four runs of 5 forks, then a fifth with +15%, +18% and +22% on three of five benchmarks (fork noise 2%, seeded).
        ResultsStore store = new ResultsStore(dir);
        Random rnd = new Random(18);
        double[] shiftOfNewest = {0.15, 0.18, 0.22, 0, 0};
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        for (int run = 0; run < 5; run++) {
            SyntheticJmh jmh = new SyntheticJmh();
            for (int b = 0; b < 5; b++) {
                double level = 100 * (1 + b) * (run == 4 ? 1 + shiftOfNewest[b] : 1);
                double[][] forks = new double[5][];
                for (int f = 0; f < 5; f++) {
                    double forkLevel = level * (1 + 0.02 * rnd.nextGaussian());
                    forks[f] = new double[] {forkLevel * (1 + 0.005 * rnd.nextGaussian()), forkLevel * (1 + 0.005 * rnd.nextGaussian())};
                }
                jmh.add("dev.oktyv.bench.vault.VaultBench.op" + b, "avgt", Map.of(), "us/op", forks, null);
            }
            RunFixtures.create(store, t.plusSeconds(3600L * run), RunFixtures.sha((char) ('a' + run)), RunStatus.COMPLETE, jmh.json());
        }
        List<BenchmarkHistory> h = new HistoryBuilder(store, CommitDates.none(), ChangePointDetector.DEFAULT).build(Pattern.compile("."), 50);
        assertThat(h).hasSize(5);
        for (BenchmarkHistory b : h) {
            int i = Integer.parseInt(b.id().methodName().substring(2));
            // The windowed detector alone cannot see it: it needs runs after the split.
            assertThat(b.shifts()).isEmpty();
            assertThat(b.newest().windowRuns()).isEqualTo(4);
            assertThat(b.newest().forks()).isEqualTo(5);
            assertThat(b.newest().shifted()).as(b.id().label() + ": " + b.newest().describe()).isEqualTo(shiftOfNewest[i] > 0);
            if (shiftOfNewest[i] > 0) {
                assertThat(b.newest().change()).isCloseTo(shiftOfNewest[i], org.assertj.core.data.Offset.offset(0.05));
            }
        }
        String text = HistoryWriter.text(h, ChangePointDetector.DEFAULT);
        assertThat(text).contains("newest run: shift +", "against the 4 runs before it (5 forks)  <-- newest", "newest run: no shift:");
        assertThat(HistoryWriter.html(h, ChangePointDetector.DEFAULT)).contains("newest run: shift +");
    }

    @Test
    void theNewestRunTestRarelyFiresOnAFlatSeries() {
        Random rnd = new Random(7);
        int trials = 2000;
        int alarms = 0;
        for (int t = 0; t < trials; t++) {
            double[] earlier = new double[5];
            for (int r = 0; r < 5; r++) {
                earlier[r] = mean(forks(rnd, 100, 5));
            }
            if (ChangePointDetector.DEFAULT.newest(earlier, forks(rnd, 100, 5)).shifted()) {
                alarms++;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "history newest-run A/A: %d of %d flagged%n", alarms, trials);
        assertThat(alarms / (double) trials).isLessThanOrEqualTo(ChangePointDetector.DEFAULT.alpha());
    }

    private static double[] forks(Random rnd, double level, int n) {
        double[] out = new double[n];
        for (int f = 0; f < n; f++) {
            out[f] = level * (1 + 0.02 * rnd.nextGaussian());
        }
        return out;
    }

    private static double mean(double[] xs) {
        return java.util.Arrays.stream(xs).average().orElseThrow();
    }

    @Test
    void theNewestRunIsNotTestedWithoutTwoEarlierRunsOrTwoForks() {
        NewestRunCheck few = ChangePointDetector.DEFAULT.newest(new double[] {100}, new double[] {130, 131, 129});
        assertThat(few.tested()).isFalse();
        assertThat(few.describe()).contains("the 1 run before it", "needs at least 2 earlier runs");
        NewestRunCheck oneFork = ChangePointDetector.DEFAULT.newest(new double[] {100, 101, 99}, new double[] {130});
        assertThat(oneFork.shifted()).isFalse();
        assertThat(oneFork.describe()).contains("1 fork with raw data");
    }

    private static String jmh(double level) {
        return new SyntheticJmh().add("dev.oktyv.bench.vault.VaultBench.get", "avgt", Map.of(), "us/op",
                new double[][] {{level, level}, {level, level}}, null).json();
    }
}
