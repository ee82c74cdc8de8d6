package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.FrameHistogram.FrameShare;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.WaitKind;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Monitor contention by class and site (jdk.JavaMonitorEnter, async-profiler lock) and time parked (jdk.ThreadPark),
 * counting only the threads that do the work (see {@link ThreadSelection}).
 */
public final class LockContentionRule implements Rule {

    /**
     * Blocked time as a share of the counted threads' time (see {@link ThreadSelection}); for a digest without thread
     * information, of wall time: 10% then means threads together waited 0.1 s per second.
     */
    static final double WARNING_BLOCKED_RATIO = 0.10;
    static final double CRITICAL_BLOCKED_RATIO = 0.50;

    private static final Set<WaitKind> LOCK_KINDS = Set.of(WaitKind.LOCK, WaitKind.PARK);

    @Override
    public String id() {
        return "locks";
    }

    @Override
    public String title() {
        return "Locks: contention and parking";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("blocked time / wall time warning", WARNING_BLOCKED_RATIO * 100, "%"),
                new Threshold("blocked time / wall time critical", CRITICAL_BLOCKED_RATIO * 100, "%"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "no significant lock contention");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            for (JfrDigest j : p.jfr()) {
                if (!(j.durationNanos() > 0) || !j.recorded("jdk.JavaMonitorEnter", "jdk.ThreadPark")) {
                    continue;
                }
                any = true;
                if (j.threadsByGroup().isEmpty()) {
                    wholeRecording(f, p.workloadId(), j);
                    continue;
                }
                List<ThreadSelection> selections = ThreadSelection.of(j, LOCK_KINDS);
                if (selections.isEmpty()) {
                    f.evidence(new Evidence(p.workloadId(), "monitor blocked time / wall time", 0, "%", j.source()));
                }
                for (ThreadSelection sel : selections) {
                    bySelection(f, p.workloadId(), j, sel);
                }
            }
            if (p.lockCollapsed().isPresent()) {
                any = true;
                FrameHistogram h = p.lockCollapsed().get();
                for (FrameShare s : h.topSelf(3)) {
                    f.evidence(new Evidence(p.workloadId(), "lock samples at " + s.frame(), s.share() * 100, "%", h.sources().get(0)));
                }
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no JFR recording with monitor or park events enabled and no async-profiler lock"
                    + " profile in this run");
        }
        return f.result("A contended monitor serialises the threads that need it; the time they wait does not show up"
                        + " as CPU time, so CPU profiles miss it.",
                "Shrink the critical section, split the lock (striping), or use a concurrent structure"
                        + " (ConcurrentHashMap, LongAdder, a lock-free queue) at the reported site.");
    }

    /**
     * One group of threads: only their monitor and park time, as a share of their own time (wall time times their
     * number), so 50% means each spent half its time blocked, however many there are.
     */
    private void bySelection(Finding f, String workload, JfrDigest j, ThreadSelection sel) {
        double threadTime = j.durationNanos() * Math.max(1, sel.threads());
        double blocked = sel.nanos(j, Set.of(WaitKind.LOCK));
        double parked = sel.nanos(j, Set.of(WaitKind.PARK));
        double ratio = blocked / threadTime;
        String subject = workload + " [" + sel.label() + "]";
        f.evidence(new Evidence(subject, "monitor blocked share of thread time", ratio * 100, "%", j.source()))
                .evidence(new Evidence(subject, "parked share of thread time", parked / threadTime * 100, "%", j.source()));
        Map<String, Double> byClass = new HashMap<>();
        Map<String, Double> byFrame = new HashMap<>();
        j.waits().forEach((w, ns) -> {
            if (sel.includes(w, Set.of(WaitKind.LOCK))) {
                byClass.merge(w.target(), ns, Double::sum);
                byFrame.merge(w.frame(), ns, Double::sum);
            }
        });
        Map.Entry<String, Double> worst = max(byClass);
        Map.Entry<String, Double> site = max(byFrame);
        if (worst != null) {
            f.evidence(new Evidence(subject, "blocked on " + worst.getKey(), worst.getValue() / 1e6, "ms", j.source()));
        }
        f.observe(Finding.grade(ratio, WARNING_BLOCKED_RATIO, CRITICAL_BLOCKED_RATIO),
                String.format(Locale.ROOT, "%s: %s waited on monitors for %.1f%% of their time, most on %s at %s",
                        workload, sel.label(), ratio * 100, worst == null ? "-" : worst.getKey(),
                        site == null ? "unknown site" : site.getKey()),
                String.format(Locale.ROOT, "%s of %s were blocked %.0f ms in %.0f ms of wall time; removing the contention"
                        + " can at best give back that blocked time (%.1f%% of their time)",
                        sel.label(), workload, blocked / 1e6, j.durationNanos() / 1e6, ratio * 100));
    }

    /** A digest without thread information: every thread's monitor and park time. */
    private void wholeRecording(Finding f, String workload, JfrDigest j) {
        double blocked = j.monitorBlockedNanosByClass().values().stream().mapToDouble(Double::doubleValue).sum();
        double parked = j.parkedNanosByClass().values().stream().mapToDouble(Double::doubleValue).sum();
        double ratio = blocked / j.durationNanos();
        f.evidence(new Evidence(workload, "monitor blocked time / wall time", ratio * 100, "%", j.source()))
                .evidence(new Evidence(workload, "parked time / wall time", parked / j.durationNanos() * 100, "%", j.source()));
        Map.Entry<String, Double> worst = max(j.monitorBlockedNanosByClass());
        if (worst != null) {
            f.evidence(new Evidence(workload, "blocked on " + worst.getKey(), worst.getValue() / 1e6, "ms", j.source()));
        }
        String site = j.monitorSites().map(h -> h.topSelf(1).get(0).frame()).orElse("unknown site");
        f.observe(Finding.grade(ratio, WARNING_BLOCKED_RATIO, CRITICAL_BLOCKED_RATIO),
                String.format(Locale.ROOT, "%s: threads waited on monitors for %.1f%% of wall time, most on %s at %s",
                        workload, ratio * 100, worst == null ? "-" : worst.getKey(), site),
                String.format(Locale.ROOT, "threads of %s were blocked %.0f ms in %.0f ms; removing the contention can at"
                        + " best give back that blocked time (%.1f%% of wall time summed over threads)",
                        workload, blocked / 1e6, j.durationNanos() / 1e6, ratio * 100));
    }

    private static Map.Entry<String, Double> max(Map<String, Double> m) {
        return m.entrySet().stream().max(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElse(null);
    }
}
