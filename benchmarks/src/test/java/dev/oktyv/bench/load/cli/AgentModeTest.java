package dev.oktyv.bench.load.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.schedule.ArrivalSchedule;
import dev.oktyv.bench.load.testing.LoopbackHttpServer;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentModeTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OktyvBench.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void nAgentRunsAgainstOneTargetMergeIntoTheFleetsLoad() throws Exception {
        int agents = 3;
        List<String> merge = new ArrayList<>(List.of("load", "merge", "--results-dir", tmp.resolve("merged").toString()));
        long sum = 0;
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            String start = Instant.now().toString();
            for (int i = 0; i < agents; i++) {
                Path root = tmp.resolve("agent-" + i);
                int exit = run("load", "--quiet", "--results-dir", root.toString(), "--url", server.url(), "--rate",
                        "90", "--duration", "1s", "--workers", "3", "--agents", "3", "--agent-index",
                        Integer.toString(i), "--start-at", start);
                assertThat(exit).as(err.toString()).isZero();
                RunFolder run = new ResultsStore(root).list().get(0);
                LoadSummary s = run.load("http").readSummary().orElseThrow();
                assertThat(s.rates().targetPerSecond()).isEqualTo(30.0);
                assertThat(s.model().workers()).isEqualTo(1);
                assertThat(s.model().description()).contains("agent " + i + "/3");
                sum += s.totals().total();
                merge.add(run.path().toString());
            }
        }
        assertThat(run(merge.toArray(String[]::new))).as(err.toString()).isZero();
        LoadSummary merged = new ResultsStore(tmp.resolve("merged")).list().get(0).load("http").readSummary()
                .orElseThrow();
        assertThat(merged.totals().total()).isEqualTo(sum);
        assertThat(merged.corrected().count() + merged.totals().failed()).isEqualTo(sum);
        assertThat(merged.totals().total() + merged.rates().dropped()).isEqualTo(90);
        assertThat(merged.agents()).hasSize(agents);
        assertThat(merged.rates().targetPerSecond()).isEqualTo(90.0);
    }

    @Test
    void sharesSplitWorkersEvenlyAndTheScheduleByRate() {
        LoadModel.Open fleet = new LoadModel.Open(ArrivalSchedule.constant(100, Duration.ofSeconds(2), Duration.ZERO),
                5, 500);
        int workers = 0;
        for (int i = 0; i < 3; i++) {
            LoadModel.Open share = (LoadModel.Open) new AgentShare(i, 3, Optional.empty()).apply(fleet);
            workers += share.workers();
            assertThat(share.schedule().measuredTargetPerSecond()).isBetween(33.0, 33.5);
        }
        assertThat(workers).isEqualTo(5);
        assertThatThrownBy(() -> new AgentShare(3, 4, Optional.empty()).part(3, "--concurrency"))
                .hasMessageContaining("--concurrency 3 cannot be split over 4 agents");
    }

    @Test
    void waitsForTheSharedStartOnlyWhenItIsAhead() {
        Clock now = Clock.fixed(Instant.parse("2026-12-03T13:00:00Z"), ZoneOffset.UTC);
        assertThat(new AgentShare(0, 2, Optional.of(Instant.parse("2026-12-03T13:00:05Z"))).untilStart(now))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(new AgentShare(0, 2, Optional.of(Instant.parse("2026-12-03T12:59:00Z"))).untilStart(now))
                .isZero();
        assertThat(AgentOptions.parseStart("1764766800000")).isEqualTo(Instant.ofEpochMilli(1764766800000L));
    }

    @Test
    void badAgentOptionsAreUsageErrorsAndCreateNoRunFolder() throws Exception {
        String results = tmp.resolve("r").toString();
        for (List<String> bad : List.of(List.of("--agents", "3", "--agent-index", "3"),
                List.of("--agent-index", "1"), List.of("--agents", "2", "--agent-index", "0", "--start-at", "soon"),
                List.of("--agents", "0", "--agent-index", "0"))) {
            List<String> args = new ArrayList<>(List.of("load", "--quiet", "--results-dir", results, "--url",
                    "http://127.0.0.1:9/", "--rate", "10"));
            args.addAll(bad);
            assertThat(run(args.toArray(String[]::new))).as(bad.toString()).isEqualTo(2);
        }
        assertThat(err.toString()).contains("0..2, got 3").contains("need --agents N").contains("'soon'")
                .contains("--agents must be >= 1").doesNotContain("\tat ");
        assertThat(new ResultsStore(tmp.resolve("r")).list()).isEmpty();
    }
}
