package dev.oktyv.bench.load.merge;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.results.load.ThresholdOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Builds an agent's run folder from known latencies, written with the same {@link IntervalLog} and summary codec
 * the load runner uses, and feeds every value it records into {@code everything} too, so a test can compare the
 * merge with one histogram of the whole population.
 */
final class AgentFolders {

    static final long START_MS = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli();

    private final Path root;
    final Histogram everythingCorrected = new Histogram(3);
    final Histogram everythingService = new Histogram(3);

    AgentFolders(Path root) {
        this.root = root;
    }

    /**
     * One agent: {@code seconds} one-second intervals starting {@code offsetMs} after {@link #START_MS} (agents never
     * start at exactly the same millisecond), {@code perSecond} values each, log-normal-ish around
     * {@code medianMicros}; {@code withCorrected} false writes the service tag only.
     */
    Path agent(int index, String scenario, int seconds, int perSecond, long medianMicros, long offsetMs, long dropped,
               boolean withCorrected, List<String> thresholds) throws IOException {
        Path runs = root.resolve("agent-" + index);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(START_MS + offsetMs), ZoneOffset.UTC);
        Random random = new Random(1000L + index);
        Histogram corrected = new Histogram(3);
        Histogram service = new Histogram(3);
        try (RunSession session = RunSession.start(new ResultsStore(runs), Path.of(""), List.of("load"), clock)) {
            LoadFolder folder = session.folder().load(scenario);
            long start = START_MS + offsetMs;
            try (IntervalLog log = new IntervalLog(folder.path(), start, "test agent " + index)) {
                for (int k = 0; k < seconds; k++) {
                    Histogram c = new Histogram(3);
                    Histogram s = new Histogram(3);
                    for (int i = 0; i < perSecond; i++) {
                        long serviceNanos = (long) (medianMicros * 1000 * Math.exp(random.nextGaussian() * 0.8));
                        long queueNanos = random.nextInt(10) == 0 ? random.nextInt(50_000_000) : 0;
                        s.recordValue(serviceNanos);
                        c.recordValue(serviceNanos + queueNanos);
                    }
                    for (Histogram h : List.of(c, s)) {
                        h.setStartTimeStamp(start + k * 1000L);
                        h.setEndTimeStamp(start + (k + 1) * 1000L);
                    }
                    if (withCorrected) {
                        log.write(IntervalLog.CORRECTED, c);
                        corrected.add(c);
                        everythingCorrected.add(c);
                    }
                    log.write(IntervalLog.SERVICE, s);
                    service.add(s);
                    everythingService.add(s);
                }
            }
            long total = (long) seconds * perSecond;
            double target = perSecond + (double) dropped / seconds;
            LoadSummary summary = new LoadSummary(LoadSummary.FORMAT_VERSION, scenario,
                    new LoadSummary.Model(LoadSummary.ModelKind.OPEN, "rate=" + target + "/s", 1, 64),
                    Instant.ofEpochMilli(start), seconds, 0, new LoadSummary.Totals(total, total, 0, List.of(), 0),
                    new LoadSummary.Rates(target, (double) total / seconds, dropped),
                    withCorrected ? ScenarioRunner.stats(corrected)
                            : dev.oktyv.results.load.LatencyStats.notApplicable("closed model"),
                    ScenarioRunner.stats(service), new LoadSummary.JvmStats(1, 2, 3, 4, 5, 6),
                    thresholds.stream().map(t -> new ThresholdOutcome(t, "x", 0, true)).toList());
            AtomicFiles.writeString(folder.summary(), LoadSummaryJson.write(summary));
            session.finish(RunStatus.COMPLETE);
            return session.folder().path();
        }
    }
}
