package dev.oktyv.bench.load.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LatencyStats;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadMergeCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path merged() {
        return tmp.resolve("merged");
    }

    private int merge(Path... dirs) {
        List<String> args = new ArrayList<>(List.of("load", "merge", "--results-dir", merged().toString()));
        for (Path d : dirs) {
            args.add(d.toString());
        }
        return OktyvBench.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** The merged run's console log (the command prints to System.out, recorded there). */
    private String console() throws Exception {
        return Files.readString(new ResultsStore(merged()).list().get(0).consoleLog());
    }

    private LoadFolder onlyMergedRun(String scenario) throws Exception {
        List<RunFolder> runs = new ResultsStore(merged()).list();
        assertThat(runs).hasSize(1);
        return runs.get(0).load(scenario);
    }

    @Test
    void mergedPercentilesAreThoseOfOneHistogramOfEveryValueAndALaggingAgentShows() throws Exception {
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        List<String> criteria = List.of("error_rate<1%");
        Path a0 = agents.agent(0, "api-get", 5, 400, 200, 0, 0, true, criteria);
        Path a1 = agents.agent(1, "api-get", 5, 300, 900, 37, 0, true, criteria);
        Path lagging = agents.agent(2, "api-get", 5, 100, 5000, 412, 250, true, criteria);

        assertThat(merge(a0, a1, lagging)).as(err.toString()).isZero();

        LoadFolder folder = onlyMergedRun("api-get");
        LoadSummary s = folder.readSummary().orElseThrow();
        Histogram all = agents.everythingCorrected;
        assertThat(all.getTotalCount()).isEqualTo(5 * (400 + 300 + 100));
        assertThat(s.totals().total()).isEqualTo(all.getTotalCount());
        assertThat(s.corrected().count()).isEqualTo(all.getTotalCount());
        assertExact(s.corrected(), all);
        assertExact(s.uncorrected(), agents.everythingService);
        // Not the mean of the agents' p99s, which a merge by averaging would give.
        double meanOfP99s = List.of(a0, a1, lagging).stream().mapToDouble(p -> p99Of(p, "api-get")).average()
                .orElseThrow();
        assertThat(s.corrected().p99Micros()).isNotEqualTo(meanOfP99s);

        assertThat(s.agents()).extracting(LoadSummary.Agent::run)
                .containsExactly(a0.toString(), a1.toString(), lagging.toString());
        assertThat(s.agents()).extracting(LoadSummary.Agent::dropped).containsExactly(0L, 0L, 250L);
        assertThat(s.rates().dropped()).isEqualTo(250);
        assertThat(s.rates().achievedPerSecond()).isEqualTo(400 + 300 + 100.0);
        assertThat(console()).contains("dropped 250 (fell behind)").contains("load passed");

        // The merged log: one interval per wall-clock second and tag, however the agents' starts were staggered,
        // and its intervals add up to the whole population exactly.
        Histogram fromLog = new Histogram(3);
        int corrected = 0;
        HistogramLogReader reader = new HistogramLogReader(folder.latencyLog().toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            if (IntervalLog.CORRECTED.equals(h.getTag())) {
                corrected++;
                fromLog.add((Histogram) h);
            }
        }
        assertThat(corrected).isEqualTo(5);
        assertThat(fromLog.getTotalCount()).isEqualTo(all.getTotalCount());
        assertThat(fromLog.getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));
    }

    /** The stats the merge wrote are exactly those of {@code all}, one histogram of the whole population. */
    static void assertExact(LatencyStats stats, Histogram all) {
        assertThat(stats.count()).isEqualTo(all.getTotalCount());
        assertThat(stats.p50Micros()).isEqualTo(all.getValueAtPercentile(50) / 1e3);
        assertThat(stats.p99Micros()).isEqualTo(all.getValueAtPercentile(99) / 1e3);
        assertThat(stats.p999Micros()).isEqualTo(all.getValueAtPercentile(99.9) / 1e3);
        assertThat(stats.maxMicros()).isEqualTo(all.getMaxValue() / 1e3);
    }

    private static double p99Of(Path run, String scenario) {
        try {
            return RunFolder.open(run).load(scenario).readSummary().orElseThrow().corrected().p99Micros();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theAgentsThresholdsAreReEvaluatedOnTheMergedPopulation() throws Exception {
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        List<String> criteria = List.of("dropped==0");
        Path a0 = agents.agent(0, "api-get", 3, 100, 200, 0, 0, true, criteria);
        Path lagging = agents.agent(1, "api-get", 3, 100, 200, 5, 7, true, criteria);

        assertThat(merge(a0, lagging)).isEqualTo(1);

        LoadSummary s = onlyMergedRun("api-get").readSummary().orElseThrow();
        assertThat(s.thresholds()).singleElement().satisfies(t -> {
            assertThat(t.expression()).isEqualTo("dropped==0");
            assertThat(t.observed()).isEqualTo(7.0);
            assertThat(t.passed()).isFalse();
        });
        assertThat(console()).contains("load FAILED").contains("dropped==0 failed");
    }

    @Test
    void theDefaultDroppedRateIsReEvaluatedOnTheMergedTotals() throws Exception {
        // The criteria an open-model agent records without --threshold; the agents' own outcomes are not trusted.
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        List<String> defaults = List.of("error_rate<1%", "dropped_rate<1%");
        Path a0 = agents.agent(0, "api-get", 3, 100, 200, 0, 0, true, defaults);
        Path lagging = agents.agent(1, "api-get", 3, 100, 200, 5, 60, true, defaults);

        assertThat(merge(a0, lagging)).isEqualTo(1);

        LoadSummary s = onlyMergedRun("api-get").readSummary().orElseThrow();
        assertThat(s.thresholds()).extracting(t -> t.passed()).containsExactly(true, false);
        // summary.json keeps observations to three decimals.
        assertThat(s.thresholds().get(1).observed()).isCloseTo(60.0 / 660, org.assertj.core.api.Assertions.within(1e-3));
        String[] lines = console().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("load FAILED: api-get: dropped_rate<1% failed, observed 9.09%"
                + " (60 of 660 intended starts dropped: the generator fell behind)");
    }

    @Test
    void mismatchedScenariosAreAUsageErrorNamingTheFolder() throws Exception {
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        Path a0 = agents.agent(0, "api-get", 2, 10, 200, 0, 0, true, List.of());
        Path other = agents.agent(1, "db-query", 2, 10, 200, 0, 0, true, List.of());
        assertThat(merge(a0, other)).isEqualTo(2);
        assertThat(err.toString()).contains(other.toString()).contains("db-query").doesNotContain("\tat ");
        assertThat(new ResultsStore(merged()).list()).isEmpty();
    }

    @Test
    void mismatchedTagsAreAUsageErrorNamingTheFolder() throws Exception {
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        Path a0 = agents.agent(0, "api-get", 2, 10, 200, 0, 0, true, List.of());
        Path serviceOnly = agents.agent(1, "api-get", 2, 10, 200, 0, 0, false, List.of());
        assertThat(merge(a0, serviceOnly)).isEqualTo(2);
        assertThat(err.toString()).contains(serviceOnly.toString()).contains("tags");
        assertThat(new ResultsStore(merged()).list()).isEmpty();
    }

    @Test
    void aMissingLatencyLogOrSummaryIsAUsageErrorNamingTheFile() throws Exception {
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        Path a0 = agents.agent(0, "api-get", 2, 10, 200, 0, 0, true, List.of());
        Path a1 = agents.agent(1, "api-get", 2, 10, 200, 0, 0, true, List.of());
        LoadFolder f1 = RunFolder.open(a1).load("api-get");
        Files.move(f1.latencyLog(), f1.latencyLogPartial());
        assertThat(merge(a0, a1)).isEqualTo(2);
        assertThat(err.toString()).contains(f1.latencyLog().toString()).contains("partial");
        Files.delete(RunFolder.open(a0).load("api-get").summary());
        assertThat(merge(a0, a1)).isEqualTo(2);
        assertThat(err.toString()).contains(RunFolder.open(a0).load("api-get").summary().toString());
        assertThat(new ResultsStore(merged()).list()).isEmpty();
    }

    @Test
    void oneFolderOrTheSameFolderTwiceIsAUsageError() throws Exception {
        AgentFolders agents = new AgentFolders(tmp.resolve("agents"));
        Path a0 = agents.agent(0, "api-get", 2, 10, 200, 0, 0, true, List.of());
        assertThat(merge(a0)).isEqualTo(2);
        assertThat(err.toString()).contains("at least 2 agents");
        assertThat(merge(a0, a0)).isEqualTo(2);
        assertThat(err.toString()).contains("given twice");
        assertThat(merge(a0, tmp.resolve("nope"))).isEqualTo(2);
        assertThat(err.toString()).contains("nope");
        assertThat(new ResultsStore(merged()).list()).isEmpty();
    }
}
