package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.load.stress.StressRunner;
import dev.oktyv.results.profile.ProfileManifest;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.profiles.session.ProfilingSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code load --profile}: one {@link ProfilingSession} around a scenario's measured phase, artifacts in
 * {@code profiles/<scenario-id>/} as fork 1. Start and stop are synchronized because the start may run on the
 * runner's warm-up timer thread while the stop comes from the command's thread.
 */
final class ScenarioProfiling implements StressRunner.StepListener {

    private final ProfileRequest request;
    private final Path runFolder;
    private final String scenarioId;
    private final PrintStream console;
    private ProfilingSession session;
    private boolean stopped;

    ScenarioProfiling(ProfileRequest request, Path runFolder, String scenarioId, PrintStream console) {
        this.request = request;
        this.runFolder = runFolder;
        this.scenarioId = scenarioId;
        this.console = console;
    }

    @Override
    public synchronized void measuredPhaseStarts() {
        if (request.isEmpty() || stopped || session != null) {
            return;
        }
        try {
            session = ProfilingSession.start(request, runFolder, scenarioId, console);
        } catch (IOException | RuntimeException e) {
            // The load result is valid without a profile: one line, and the scenario goes on.
            console.println("warning: profiling of " + scenarioId + " did not start: " + e.getMessage());
        }
    }

    /** Stops the capture and prints one line naming the files' folder and the cpu engine that ran. */
    synchronized void stop() {
        stopped = true;
        if (session == null) {
            return;
        }
        ProfilingSession s = session;
        session = null;
        try {
            ProfileManifest.ForkProfile f = s.stop();
            if (f != null) {
                console.println("  profile: " + f.asyncEvents().stream().map(dev.oktyv.results.profile.EventKind::id).collect(java.util.stream.Collectors.joining("+")) + (f.jfr()
                        ? (f.asyncEvents().isEmpty() ? "" : "+") + "jfr" : "")
                        + f.cpuEngine().map(e -> " (cpu engine " + e.id() + ")").orElse("")
                        + " in " + runFolder.relativize(
                        dev.oktyv.results.profile.ProfileArtifacts.workloadDir(runFolder, scenarioId)));
            }
        } catch (IOException | RuntimeException e) {
            console.println("warning: profile artifacts of " + scenarioId + " incomplete: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
