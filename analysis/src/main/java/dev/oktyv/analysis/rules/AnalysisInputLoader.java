package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.model.WallProfile;
import dev.oktyv.analysis.profile.CollapsedStacks;
import dev.oktyv.analysis.profile.JfrDigester;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.results.load.StressLevel;
import dev.oktyv.results.profile.ArtifactFormat;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.results.profile.ProfileArtifact;
import dev.oktyv.results.profile.ProfileInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a run folder into an {@link AnalysisInput}: JMH results, {@code profiles/<workload>/} by the file-name
 * contract, and {@code load/<scenario>/}: {@code summary.json} (read with the load runner's own codec,
 * {@link LoadSummaryJson}) gives requests, errors and dropped starts; {@code latency.hlog} the p99s; stress steps
 * come from {@code step-<NN>-<level>/} folders, each with its own {@code latency.hlog} and {@code summary.json},
 * and whether a level is workers or a rate from {@code stress.json}.
 * A file that is missing leaves its figures NaN, and the rules that need them say "not applicable".
 */
public final class AnalysisInputLoader {

    private AnalysisInputLoader() {
    }

    public static AnalysisInput load(RunFolder folder) throws IOException {
        Run run = RunLoader.load(folder);
        ProfileInventory artifacts = folder.profileInventory();
        List<WorkloadProfile> profiles = new ArrayList<>();
        for (String wid : artifacts.workloadIds()) {
            List<JfrDigest> jfr = new ArrayList<>();
            for (ProfileArtifact a : artifacts.jdkJfr(wid)) {
                jfr.add(digest(a.path()));
            }
            profiles.add(new WorkloadProfile(wid, collapsed(artifacts, wid, EventKind.CPU),
                    collapsed(artifacts, wid, EventKind.ALLOC), collapsed(artifacts, wid, EventKind.LOCK),
                    wall(artifacts, wid), jfr));
        }
        return new AnalysisInput(run, profiles, loads(folder));
    }

    /**
     * The JFR parser keeps a chunk's constant pools (stack traces, strings) in memory; a recording with millions of
     * distinct stacks in one chunk needs a large heap. Say so in one line instead of dying with a stack trace.
     */
    static JfrDigest digest(Path jfr) throws IOException {
        try {
            return JfrDigester.digest(jfr);
        } catch (OutOfMemoryError e) {
            throw new HeapTooSmallException(jfr + ": ran out of heap parsing this " + Files.size(jfr) / 1_000_000
                    + " MB recording (max heap " + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB); run java with a larger -Xmx");
        }
    }

    /** Not enough heap to analyse a recording: a runtime failure, not bad input. */
    public static final class HeapTooSmallException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeapTooSmallException(String message) {
            super(message);
        }
    }

    private static Optional<WallProfile> wall(ProfileInventory a, String wid) throws IOException {
        List<Path> files = a.of(wid, EventKind.WALL, ArtifactFormat.COLLAPSED).stream().map(ProfileArtifact::path).toList();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        WallProfile w = CollapsedStacks.readWall(files);
        return w.totalSamples() > 0 ? Optional.of(w) : Optional.empty();
    }

    private static Optional<FrameHistogram> collapsed(ProfileInventory a, String wid, EventKind e) throws IOException {
        List<Path> files = a.of(wid, e, ArtifactFormat.COLLAPSED).stream().map(ProfileArtifact::path).toList();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        FrameHistogram h = CollapsedStacks.read(e.id(), files);
        return h.total() > 0 ? Optional.of(h) : Optional.empty();
    }

    /**
     * Stress steps from {@code step-<NN>-<level>/latency.hlog}: the level is workers or arrivals per second (see
     * {@link #levelKind}), the achieved rate is the number of recorded requests over the logged intervals, p99 is
     * the corrected p99.
     */
    static List<LoadEvidence.StressStep> steps(LoadFolder scenario) throws IOException {
        List<StepFolder> folders = new ArrayList<>();
        for (LoadFolder.Step step : scenario.steps()) {
            if (Files.isRegularFile(step.folder().latencyLog())) {
                folders.add(new StepFolder(step.folder(), step.level(), step.folder().readSummary()));
            }
        }
        if (folders.isEmpty()) {
            return List.of();
        }
        StressLevel.Kind kind = levelKind(scenario, folders.stream().map(StepFolder::summary).toList());
        List<LoadEvidence.StressStep> steps = new ArrayList<>();
        for (StepFolder folder : folders) {
            Path hlog = folder.dir().latencyLog();
            LatencyLog log = LatencyLog.read(hlog);
            String tag = log.byTag().containsKey(LatencyLog.CORRECTED) ? LatencyLog.CORRECTED : LatencyLog.SERVICE;
            List<LatencyLog.Interval> is = log.byTag().getOrDefault(tag, List.of());
            double count = is.stream().mapToDouble(i -> i.histogram().getTotalCount()).sum();
            double seconds = is.stream().mapToDouble(LatencyLog.Interval::lengthSeconds).sum();
            Optional<LoadSummary> summary = folder.summary();
            steps.add(new LoadEvidence.StressStep(folder.dir().name(), level(folder.dir().path(), kind, folder.level()),
                    seconds > 0 ? count / seconds : Double.NaN, log.p99Nanos(tag),
                    summary.map(x -> x.totals().errorRate()).orElse(Double.NaN), hlog));
        }
        return steps;
    }

    /** A {@code step-<NN>-<level>} folder with a latency log, its level as written in the name, and its summary. */
    private record StepFolder(LoadFolder dir, String level, Optional<LoadSummary> summary) {
    }

    private static StressLevel level(Path stepDir, StressLevel.Kind kind, String value) throws IOException {
        try {
            return new StressLevel(kind, Double.parseDouble(value));
        } catch (IllegalArgumentException e) {
            throw new IOException(stepDir + ": not a " + kind.wireName() + " stress step: " + e.getMessage(), e);
        }
    }

    /**
     * What the step levels count. {@code stress.json} says so for the whole run; it is written after the last step,
     * so a run stopped early has none, and then the model kind in the first step {@code summary.json} (closed = workers, open =
     * arrivals per second) decides. With neither, the level is read as an offered rate, as folders were always read.
     */
    static StressLevel.Kind levelKind(LoadFolder scenario, List<Optional<LoadSummary>> stepSummaries) throws IOException {
        Optional<dev.oktyv.results.load.StressResult> stress = scenario.readStress();
        if (stress.isPresent()) {
            return stress.get().levelKind();
        }
        for (Optional<LoadSummary> summary : stepSummaries) {
            if (summary.isPresent()) {
                return StressLevel.Kind.ofModelKind(summary.get().model().kind());
            }
        }
        return StressLevel.Kind.RATE;
    }

    static List<LoadEvidence> loads(RunFolder folder) throws IOException {
        List<LoadEvidence> out = new ArrayList<>();
        for (LoadFolder load : folder.loads()) {
            Path hlog = load.latencyLog();
            double corrected = Double.NaN;
            double service = Double.NaN;
            if (Files.isRegularFile(hlog)) {
                LatencyLog log = LatencyLog.read(hlog);
                corrected = log.p99Nanos(LatencyLog.CORRECTED);
                service = log.p99Nanos(LatencyLog.SERVICE);
            }
            // Counts come from summary.json, which the evidence then cites; without it only the log is known.
            Optional<LoadSummary> summary = load.readSummary();
            Path source = summary.isPresent() ? load.summary() : Files.isRegularFile(hlog) ? hlog : load.path();
            out.add(new LoadEvidence(load.name(), source,
                    summary.map(x -> (double) x.totals().total()).orElse(Double.NaN),
                    summary.map(x -> (double) x.totals().failed()).orElse(Double.NaN),
                    summary.map(x -> (double) x.rates().dropped()).orElse(Double.NaN),
                    corrected, service, steps(load)));
        }
        return out;
    }
}
