package dev.oktyv.bench.load.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge streams the agents' logs: what it holds at once does not grow with the length of the run, and it is
 * still exact. Memory is shown by the count of histograms held at once, which the merge measures on its own
 * structures, for a short and a 40-times longer run of the same agents.
 */
class StreamingMergeTest {

    @TempDir
    Path tmp;

    private record Run(LoadMerger.Merged merged, AgentFolders folders, List<Long> seconds) {
    }

    private Run merge(String name, int seconds) throws Exception {
        AgentFolders folders = new AgentFolders(tmp.resolve(name));
        List<AgentRun> agents = new ArrayList<>();
        // Staggered starts (0, 37, 412 ms after the second) as real agents have; one agent writes fewer values.
        long[] offsets = {0, 37, 412};
        for (int i = 0; i < offsets.length; i++) {
            Path run = folders.agent(i, "api-get", seconds, i == 2 ? 5 : 20, 200 * (i + 1), offsets[i], 0, true,
                    List.of());
            LoadFolder load = RunFolder.open(run).load("api-get");
            agents.add(AgentRun.read(run.toString(), load));
        }
        List<Long> handed = new ArrayList<>();
        LoadMerger.Merged merged = LoadMerger.merge(agents, (second, byTag) -> {
            assertThat(byTag).containsOnlyKeys(IntervalLog.CORRECTED, IntervalLog.SERVICE);
            handed.add(second);
        });
        return new Run(merged, folders, handed);
    }

    @Test
    void whatTheMergeHoldsDoesNotGrowWithTheRunAndItStaysExact() throws Exception {
        Run shortRun = merge("short", 5);
        Run longRun = merge("long", 200);

        for (Run r : List.of(shortRun, longRun)) {
            assertThat(r.seconds()).isSorted().doesNotHaveDuplicates();
            assertThat(r.merged().seconds()).isEqualTo(r.seconds().size());
            // 3 agents' heads + one histogram per tag for the current second + one running total per tag.
            assertThat(r.merged().peakHistogramsHeld()).isLessThanOrEqualTo(3 + 2 + 2);
            Histogram all = r.folders().everythingCorrected;
            assertThat(r.merged().summary().totals().total()).isEqualTo(all.getTotalCount());
            LoadMergeCommandTest.assertExact(r.merged().summary().corrected(), all);
            LoadMergeCommandTest.assertExact(r.merged().summary().uncorrected(), r.folders().everythingService);
        }
        assertThat(shortRun.seconds()).hasSize(5);
        assertThat(longRun.seconds()).hasSize(200);
        assertThat(longRun.merged().peakHistogramsHeld()).isEqualTo(shortRun.merged().peakHistogramsHeld());
    }

    @Test
    void aLogThatGoesBackInTimeIsRefusedNamingIt() throws Exception {
        Path dir = tmp.resolve("backwards");
        long start = AgentFolders.START_MS;
        try (IntervalLog log = new IntervalLog(dir, start, "out of order")) {
            for (long k : new long[] {3, 1}) {
                Histogram h = new Histogram(3);
                h.recordValue(1000);
                h.setStartTimeStamp(start + k * 1000);
                h.setEndTimeStamp(start + (k + 1) * 1000);
                log.write(IntervalLog.SERVICE, h);
            }
        }
        Path file = new LoadFolder(dir).latencyLog();
        try (IntervalReader reader = new IntervalReader(file)) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(reader::next).isInstanceOf(MergeInputException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("out of time order");
        }
    }
}
