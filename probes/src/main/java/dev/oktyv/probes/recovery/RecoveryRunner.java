package dev.oktyv.probes.recovery;

import dev.oktyv.results.recovery.Evidence;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.recovery.RecoveryReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the selected probes one after another (faults must not overlap: two probes breaking the same kind of
 * connection would blame each other), each under a deadline, and collects a {@link RecoveryReport}. A probe that
 * throws or overruns its deadline is FAILED with the exception class as evidence: an engine that hangs under a
 * fault has not recovered.
 */
public final class RecoveryRunner {

    private final Duration perProbeDeadline;
    private final Clock clock;

    public RecoveryRunner(Duration perProbeDeadline, Clock clock) {
        this.perProbeDeadline = Objects.requireNonNull(perProbeDeadline, "perProbeDeadline");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The probes on the class path, in id order, so runs are comparable. */
    public static List<RecoveryProbe> discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * The probes {@code loader} lists (a user's jar adds its own, like {@code ProbeCatalog} for security probes), in
     * id order. Two probes with one id would overwrite each other's results, so that is an error naming both.
     */
    public static List<RecoveryProbe> discover(ClassLoader loader) {
        List<RecoveryProbe> probes = new ArrayList<>();
        Map<String, String> classById = new HashMap<>();
        for (RecoveryProbe p : ServiceLoader.load(RecoveryProbe.class, loader)) {
            String other = classById.putIfAbsent(p.id(), p.getClass().getName());
            if (other != null) {
                throw new IllegalStateException("two recovery probes share the id '" + p.id() + "': " + other + " and "
                        + p.getClass().getName());
            }
            probes.add(p);
        }
        probes.sort(Comparator.comparing(RecoveryProbe::id));
        return probes;
    }

    public static List<RecoveryProbe> select(List<RecoveryProbe> probes, Optional<Pattern> filter) {
        return probes.stream().filter(p -> filter.map(f -> f.matcher(p.id()).find()).orElse(true)).toList();
    }

    /** Runs the probes; {@code listener} hears "starting" (null outcome) and each outcome, for the console. */
    public RecoveryReport run(List<RecoveryProbe> probes, RecoveryTargets targets, ProbeListener listener) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        List<ProbeOutcome> outcomes = new ArrayList<>();
        for (RecoveryProbe probe : probes) {
            listener.starting(probe);
            ProbeOutcome outcome = runOne(probe, targets);
            listener.finished(outcome);
            outcomes.add(outcome);
        }
        return new RecoveryReport(RecoveryReport.FORMAT_VERSION, started, (System.nanoTime() - start) / 1e9,
                outcomes);
    }

    private ProbeOutcome runOne(RecoveryProbe probe, RecoveryTargets targets) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "recovery-probe-" + probe.id());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<ProbeOutcome> f = executor.submit(() -> probe.run(targets));
            return f.get(perProbeDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return broken(probe, "did not finish within " + perProbeDeadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return broken(probe, "probe stopped by " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return broken(probe, "interrupted");
        } finally {
            executor.shutdownNow();
        }
    }

    /** The exception's message is left out: it may carry a URL or SQL the evidence must not repeat. */
    private static ProbeOutcome broken(RecoveryProbe probe, String what) {
        return new ProbeOutcome(probe.id(), probe.title(), "as configured by the probe", ProbeVerdict.FAIL, what,
                Double.NaN, OptionalInt.empty(), List.of(new Evidence("runner", what)), Optional.empty());
    }

    /** Progress for the console. */
    public interface ProbeListener {
        void starting(RecoveryProbe probe);

        void finished(ProbeOutcome outcome);

        static ProbeListener silent() {
            return of(p -> { }, o -> { });
        }

        static ProbeListener of(Consumer<RecoveryProbe> starting, Consumer<ProbeOutcome> finished) {
            return new ProbeListener() {
                @Override
                public void starting(RecoveryProbe probe) {
                    starting.accept(probe);
                }

                @Override
                public void finished(ProbeOutcome outcome) {
                    finished.accept(outcome);
                }
            };
        }
    }
}
