package dev.oktyv.profiles.session;

import dev.oktyv.profiles.capture.AsyncProfilerProvider;
import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.profiles.capture.CaptureRun;
import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.results.profile.ProfileManifest;
import dev.oktyv.profiles.capture.ProfileRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Profiles the current JVM while a load scenario runs: {@code start} before the measured phase, {@code stop}
 * after it, artifacts in {@code <runFolder>/profiles/<scenario-id>/} as fork 1. Use with try-with-resources;
 * {@link #close()} stops the capture if {@link #stop()} was not called (e.g. the scenario threw).
 */
public final class ProfilingSession implements AutoCloseable {

    private final CaptureRun capture;
    private ProfileManifest.ForkProfile result;

    private ProfilingSession(CaptureRun capture) {
        this.capture = capture;
    }

    /**
     * Starts profiling. For {@link ProfileRequest#NONE} it returns a session that does nothing, so callers need
     * no special case.
     *
     * @param runFolder the run folder; artifacts go to {@code profiles/<scenarioId>} inside it
     * @param console   where one-line warnings go (degraded platform, cpu engine fallback)
     */
    public static ProfilingSession start(ProfileRequest request, Path runFolder, String scenarioId, PrintStream console)
            throws IOException {
        return start(request, CaptureOptions.DEFAULTS, runFolder, scenarioId, console, AsyncProfilerProvider.AP_LOADER);
    }

    public static ProfilingSession start(ProfileRequest request, CaptureOptions options, Path runFolder,
            String scenarioId, PrintStream console, AsyncProfilerProvider provider) throws IOException {
        if (request.isEmpty()) {
            return new ProfilingSession(null);
        }
        Path dir = ProfileArtifacts.workloadDir(runFolder, scenarioId);
        return new ProfilingSession(CaptureRun.start(request, options, dir, ProfileArtifacts.safeId(scenarioId), 1, 0,
                console, provider));
    }

    /** Stops and writes the artifacts; returns what was captured, or null for a no-op session. */
    public ProfileManifest.ForkProfile stop() throws IOException {
        if (capture != null && result == null) {
            result = capture.stop();
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
