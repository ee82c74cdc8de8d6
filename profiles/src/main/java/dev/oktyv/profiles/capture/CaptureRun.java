package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.CpuEngine;

import dev.oktyv.results.profile.ProfileManifestJson;

import dev.oktyv.results.profile.ProfileManifest;

import dev.oktyv.results.profile.ProfileArtifacts;

import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.jfr.OktyvJfc;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;
import one.profiler.AsyncProfiler;

/**
 * One capture of one fork (or one load scenario): started when measurement starts, stopped when it ends,
 * then turned into the artifacts named by {@link ProfileArtifacts} and recorded in {@code profile.json}.
 * The JMH profiler and the in-process session both drive this class, so both write the same files.
 */
public final class CaptureRun {

    /** async-profiler has one session per JVM; two overlapping captures would corrupt each other. */
    private static final AtomicBoolean ACTIVE = new AtomicBoolean();

    private final ProfileRequest request;
    private final CaptureOptions options;
    private final Path dir;
    private final String workloadId;
    private final int fork;
    private final int warmupIterations;
    private final PrintStream log;
    private final List<String> warnings = new ArrayList<>();
    private final Set<EventKind> asyncEvents;
    private final AsyncProfiler profiler;
    private final CpuEngine engine;
    private final Recording recording;
    private final boolean jfr;
    private boolean stopped;

    private CaptureRun(ProfileRequest request, CaptureOptions options, Path dir, String workloadId, int fork,
            int warmupIterations, PrintStream log, AsyncProfilerProvider provider) throws IOException {
        this.request = request;
        this.options = options;
        this.dir = dir;
        this.workloadId = workloadId;
        this.fork = fork;
        this.warmupIterations = warmupIterations;
        this.log = log;
        Files.createDirectories(dir);
        AsyncProfiler p = null;
        Set<EventKind> events = EnumSet.noneOf(EventKind.class);
        boolean withJfr = request.jfr();
        if (!request.asyncEvents().isEmpty()) {
            try {
                p = provider.load();
                events.addAll(request.asyncEvents());
            } catch (UnsupportedOperationException e) {
                warn(e.getMessage() + "; profiling with JFR only (" + ProfileArtifacts.jdkJfr(fork) + ")");
                withJfr = true;
            }
        }
        this.profiler = p;
        this.asyncEvents = events;
        this.jfr = withJfr;
        this.engine = events.contains(EventKind.CPU) ? selectEngine(p) : null;
        if (p != null) {
            p.execute(AsyncCommand.start(events, engine, options, asyncFile()));
        }
        Recording r = null;
        if (withJfr) {
            try {
                r = new Recording(OktyvJfc.configuration());
                r.setName("oktyv " + workloadId + " f" + fork);
                r.setToDisk(true);
                r.start();
            } catch (RuntimeException e) {
                if (p != null) {
                    p.execute("stop"); // do not leave async-profiler running behind a failed start
                }
                throw e;
            }
        }
        this.recording = r;
    }

    /**
     * Starts capturing now. Call it when measurement starts: samples taken before (warm-up) are not wanted.
     *
     * @param dir              the workload folder, {@link ProfileArtifacts#workloadDir}
     * @param warmupIterations how many warm-up iterations ran before this call (recorded, not used)
     * @param log              where the one-line warnings go (the console)
     * @throws IllegalStateException another capture is running in this JVM
     */
    public static CaptureRun start(ProfileRequest request, CaptureOptions options, Path dir, String workloadId,
            int fork, int warmupIterations, PrintStream log, AsyncProfilerProvider provider) throws IOException {
        if (request.isEmpty()) {
            throw new IllegalArgumentException("nothing to capture: the profile request is empty");
        }
        if (!ACTIVE.compareAndSet(false, true)) {
            throw new IllegalStateException("another profile capture is already running in this JVM");
        }
        try {
            return new CaptureRun(request, options, dir, workloadId, fork, warmupIterations, log, provider);
        } catch (IOException | RuntimeException e) {
            ACTIVE.set(false);
            throw e;
        }
    }

    private CpuEngine selectEngine(AsyncProfiler p) {
        List<CpuEngine> order = new ArrayList<>();
        if (options.cpuEngine() != null) {
            order.add(options.cpuEngine());
        }
        for (CpuEngine e : CpuEngine.values()) {
            if (!order.contains(e)) {
                order.add(e);
            }
        }
        for (CpuEngine e : order) {
            try {
                // A start/stop probe: "event=cpu" would fall back silently and we could not tell which engine ran.
                p.execute("start,event=" + e.asyncEvent() + ",interval=" + options.cpuInterval().toNanos());
                p.execute("stop");
                if (e != order.get(0)) {
                    warn("cpu engine " + order.get(0).id() + " unavailable; sampling cpu with " + e.id());
                }
                return e;
            } catch (IllegalStateException | IOException ex) {
                // try the next engine
            }
        }
        throw new IllegalStateException("no async-profiler cpu engine works here (tried perf_events, ctimer, itimer)");
    }

    private Path asyncFile() {
        return dir.resolve(ProfileArtifacts.asyncJfr(asyncEvents.iterator().next(), fork));
    }

    private void warn(String line) {
        warnings.add(line);
        log.println("warning: profile " + workloadId + " f" + fork + ": " + line);
    }

    /** The cpu engine in use, or null when cpu is not captured. */
    public CpuEngine engine() {
        return engine;
    }

    /** Stops capturing and writes every artifact plus {@code profile.json}; idempotent. */
    public ProfileManifest.ForkProfile stop() throws IOException {
        if (stopped) {
            throw new IllegalStateException("capture " + workloadId + " f" + fork + " already stopped");
        }
        stopped = true;
        List<String> files = new ArrayList<>();
        try {
            if (profiler != null) {
                profiler.execute("stop");
            }
            if (recording != null) {
                recording.stop();
                Path jdk = dir.resolve(ProfileArtifacts.jdkJfr(fork));
                recording.dump(jdk);
                recording.close();
                files.add(jdk.getFileName().toString());
            }
        } finally {
            ACTIVE.set(false);
        }
        List<ProfileManifest.EventSamples> samples = new ArrayList<>();
        if (!asyncEvents.isEmpty()) {
            samples.addAll(ArtifactRenderer.render(asyncFile(), asyncEvents, dir, workloadId, fork, files, this::warn));
        }
        ProfileManifest.ForkProfile fp = new ProfileManifest.ForkProfile(fork, request.spec(),
                List.copyOf(asyncEvents), Optional.ofNullable(engine),
                engine == null ? OptionalLong.empty() : OptionalLong.of(options.cpuInterval().toNanos()), jfr, true, warmupIterations, samples, files,
                warnings);
        ProfileManifestJson.append(dir, workloadId, fp);
        return fp;
    }
}
