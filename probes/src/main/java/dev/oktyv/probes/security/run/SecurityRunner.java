package dev.oktyv.probes.security.run;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.system.time.NanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs probes one after the other, each on its own thread with a deadline. A probe that throws or overruns becomes
 * a NOT_RUN finding with a one-line reason: a probe that could not look is listed, never counted as a pass.
 */
public final class SecurityRunner {

    private final Duration deadline;
    private final NanoClock nanoClock;

    /** @param deadline how long one probe may run before it is abandoned (and interrupted) */
    public SecurityRunner(Duration deadline, NanoClock nanoClock) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("probe deadline must be positive, was " + deadline);
        }
        this.deadline = deadline;
        this.nanoClock = nanoClock;
    }

    /** Runs every probe against {@code target}; {@code progress} sees each finding as it is made. */
    public List<SecurityFinding> run(List<SecurityProbe> probes, SecurityTarget target,
                                     Consumer<SecurityFinding> progress) {
        List<SecurityFinding> out = new ArrayList<>();
        for (SecurityProbe p : probes) {
            SecurityFinding f = runOne(p, target);
            progress.accept(f);
            out.add(f);
        }
        return List.copyOf(out);
    }

    public SecurityFinding runOne(SecurityProbe probe, SecurityTarget target) {
        long start = nanoClock.nanoTime();
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oktyv-probe-" + probe.id());
            // A probe stuck in a blocking read that ignores interrupts must not keep the JVM alive.
            t.setDaemon(true);
            return t;
        });
        ProbeOutcome outcome;
        try {
            Future<ProbeOutcome> f = exec.submit(() -> probe.run(target));
            try {
                outcome = f.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
                if (outcome == null) {
                    outcome = ProbeOutcome.notRun("the probe returned no outcome");
                }
            } catch (TimeoutException e) {
                f.cancel(true);
                outcome = ProbeOutcome.notRun("did not finish within the " + deadline.toSeconds() + " s deadline");
            } catch (ExecutionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                outcome = ProbeOutcome.notRun("the probe threw " + c.getClass().getSimpleName()
                        + (c.getMessage() == null ? "" : ": " + firstLine(c.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                outcome = ProbeOutcome.notRun("interrupted");
            }
        } finally {
            exec.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(Math.max(0, nanoClock.nanoTime() - start));
        return new SecurityFinding(probe.id(), probe.category(), probe.severity(), probe.title(), outcome.verdict(),
                outcome.action(), outcome.evidence(), probe.fix(),
                outcome.verdict() == ProbeVerdict.PASS || outcome.verdict() == ProbeVerdict.FAIL
                        ? Optional.empty() : outcome.reason(), elapsed);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
