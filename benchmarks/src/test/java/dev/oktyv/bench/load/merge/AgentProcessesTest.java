package dev.oktyv.bench.load.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.bench.load.testing.LoopbackHttpServer;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet on one machine, with the code path the Kubernetes pods run: three agent JVMs started as separate
 * processes ({@code load --agents 3 --agent-index i --start-at T}) against one loopback target at the same time, then
 * {@code load merge} of their run folders. The merged percentiles are checked against one histogram built here from
 * every interval of every agent's {@code latency.hlog}, read with HdrHistogram's own log reader (not the merger's
 * code), so an error in the merge's alignment or addition cannot hide behind itself.
 */
class AgentProcessesTest {

    private static final int AGENTS = 3;
    /** The target answers every request after this pause: one worker with one operation in flight manages 1/0.06 s. */
    private static final long SERVICE_NANOS = 60_000_000L;

    @TempDir
    Path tmp;

    @Test
    void threeAgentProcessesMergeExactlyAndTheOneThatFellBehindShows() throws Exception {
        Path[] roots = new Path[AGENTS];
        Process[] agents = new Process[AGENTS];
        try (LoopbackHttpServer server = new LoopbackHttpServer(0, t -> SERVICE_NANOS)) {
            // Far enough ahead that all three JVMs are up on a loaded 2-core machine; one that is late starts at once.
            String startAt = Instant.now().plusSeconds(5).toString();
            for (int i = 0; i < AGENTS; i++) {
                roots[i] = tmp.resolve("agent-" + i);
                // 90/s over 3 agents = 30/s each. Agents 0 and 1 get 3 workers (50/s of capacity against a 60 ms
                // service); agent 2 is the slowed one: 1 worker and 1 operation in flight (16/s), so it must drop.
                String workers = i == AGENTS - 1 ? "3" : "9";
                agents[i] = start(i, roots[i], server.url(), startAt, workers);
            }
            for (int i = 0; i < AGENTS; i++) {
                boolean done = agents[i].waitFor(60, TimeUnit.SECONDS);
                if (!done) {
                    agents[i].destroyForcibly();
                }
                assertThat(done).as("agent %d finished within 60 s", i).isTrue();
                // Without --threshold an agent with an intended rate is held to dropped_rate<1% too: the slowed agent
                // fails on its drops; the others pass unless this shared machine made them drop as well.
                if (i == AGENTS - 1) {
                    assertThat(agents[i].exitValue()).as("agent %d: %s", i, output(i)).isEqualTo(1);
                }
                assertThat(agents[i].exitValue()).as("agent %d: %s", i, output(i)).isIn(0, 1);
                if (agents[i].exitValue() == 1) {
                    assertThat(output(i)).contains("load FAILED: http: dropped_rate<1% failed, observed ")
                            .doesNotContain("error_rate<1% failed");
                }
            }
        } finally {
            for (Process p : agents) {
                if (p != null && p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }

        List<LoadSummary> summaries = new ArrayList<>();
        List<Path> runs = new ArrayList<>();
        Map<String, Histogram> independent = new HashMap<>();
        for (int i = 0; i < AGENTS; i++) {
            RunFolder run = new ResultsStore(roots[i]).list().get(0);
            runs.add(run.path());
            LoadFolder load = run.load("http");
            LoadSummary s = load.readSummary().orElseThrow();
            assertThat(s.model().description()).contains("agent " + i + "/3");
            assertThat(s.rates().targetPerSecond()).isEqualTo(30.0);
            summaries.add(s);
            addEveryInterval(load.latencyLog(), independent);
        }
        LoadSummary lagging = summaries.get(AGENTS - 1);
        assertThat(lagging.rates().dropped()).as("the agent with one operation in flight fell behind").isPositive();

        StringWriter err = new StringWriter();
        Path mergedRoot = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("load", "merge", "--results-dir", mergedRoot.toString()));
        runs.forEach(r -> args.add(r.toString()));
        int exit = OktyvBench.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        // The agents' default criteria, evaluated again on the merged totals: the lagging agent's drops fail it.
        assertThat(exit).as(err.toString()).isEqualTo(1);

        RunFolder mergedRun = new ResultsStore(mergedRoot).list().get(0);
        LoadSummary merged = mergedRun.load("http").readSummary().orElseThrow();
        long sum = summaries.stream().mapToLong(s -> s.totals().total()).sum();
        long dropped = summaries.stream().mapToLong(s -> s.rates().dropped()).sum();
        assertThat(sum).isPositive();
        assertThat(merged.totals().total()).isEqualTo(sum);
        assertThat(merged.rates().dropped()).isEqualTo(dropped).isPositive();
        assertThat(merged.agents()).extracting(LoadSummary.Agent::dropped)
                .containsExactlyElementsOf(summaries.stream().map(s -> s.rates().dropped()).toList());

        Histogram corrected = independent.get(IntervalLog.CORRECTED);
        Histogram service = independent.get(IntervalLog.SERVICE);
        assertThat(corrected.getTotalCount()).isEqualTo(sum - merged.totals().failed());
        assertThat(merged.corrected().count()).isEqualTo(corrected.getTotalCount());
        LoadMergeCommandTest.assertExact(merged.corrected(), corrected);
        LoadMergeCommandTest.assertExact(merged.uncorrected(), service);

        String console = Files.readString(mergedRun.consoleLog());
        assertThat(console).contains("    agent " + runs.get(AGENTS - 1) + ": ")
                .contains("dropped " + lagging.rates().dropped() + " (fell behind)")
                .contains("dropped " + dropped);
        List<String> lines = console.lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("load FAILED: http: dropped_rate<1% failed, observed ")
                .endsWith(String.format(java.util.Locale.ROOT, " (%,d of %,d intended starts dropped: the generator"
                        + " fell behind)", dropped, sum + dropped));
    }

    /** One agent JVM on this test's class path, output to a file (a full pipe would stall it). */
    private Process start(int index, Path root, String url, String startAt, String workers) throws Exception {
        // Surefire may run the tests from a manifest-only jar; its own property has the real class path then.
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", cp, OktyvBench.class.getName(), "load",
                "--results-dir", root.toString(), "--url", url, "--rate", "90", "--duration", "2s", "--workers",
                workers, "--max-in-flight", workers, "--agents", Integer.toString(AGENTS), "--agent-index",
                Integer.toString(index), "--start-at", startAt);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("agent-" + index + ".out")
                .toFile()).start();
    }

    private String output(int index) throws Exception {
        return Files.readString(tmp.resolve("agent-" + index + ".out"));
    }

    private static void addEveryInterval(Path log, Map<String, Histogram> byTag) throws Exception {
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        EncodableHistogram h;
        int intervals = 0;
        while ((h = reader.nextIntervalHistogram()) != null) {
            Histogram interval = (Histogram) h;
            byTag.computeIfAbsent(h.getTag(), t -> new Histogram(interval.getNumberOfSignificantValueDigits()))
                    .add(interval);
            intervals++;
        }
        assertThat(intervals).as("intervals in %s", log).isPositive();
    }
}
