package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.FrameHistogram.FrameShare;
import dev.oktyv.analysis.model.JfrDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Monitor contention by class and site (jdk.JavaMonitorEnter, async-profiler lock) and time parked (jdk.ThreadPark). */
public final class LockContentionRule implements Rule {

    /** Blocked thread-time as a share of wall time: 10% means threads together waited 0.1 s per second. */
    static final double WARNING_BLOCKED_RATIO = 0.10;
    static final double CRITICAL_BLOCKED_RATIO = 0.50;

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
                if (!(j.durationNanos() > 0)) {
                    continue;
                }
                any = true;
                double blocked = j.monitorBlockedNanosByClass().values().stream().mapToDouble(Double::doubleValue).sum();
                double parked = j.parkedNanosByClass().values().stream().mapToDouble(Double::doubleValue).sum();
                double ratio = blocked / j.durationNanos();
                f.evidence(new Evidence(p.workloadId(), "monitor blocked time / wall time", ratio * 100, "%", j.source()))
                        .evidence(new Evidence(p.workloadId(), "parked time / wall time", parked / j.durationNanos() * 100, "%", j.source()));
                Map.Entry<String, Double> worst = j.monitorBlockedNanosByClass().entrySet().stream()
                        .max(Comparator.comparingDouble(Map.Entry::getValue)).orElse(null);
                if (worst != null) {
                    f.evidence(new Evidence(p.workloadId(), "blocked on " + worst.getKey(), worst.getValue() / 1e6, "ms", j.source()));
                }
                String site = j.monitorSites().map(h -> h.topSelf(1).get(0).frame()).orElse("unknown site");
                f.observe(Finding.grade(ratio, WARNING_BLOCKED_RATIO, CRITICAL_BLOCKED_RATIO),
                        String.format(Locale.ROOT, "%s: threads waited on monitors for %.1f%% of wall time, most on %s at %s",
                                p.workloadId(), ratio * 100, worst == null ? "-" : worst.getKey(), site),
                        String.format(Locale.ROOT, "threads of %s were blocked %.0f ms in %.0f ms; removing the contention can at"
                                + " best give back that blocked time (%.1f%% of wall time summed over threads)",
                                p.workloadId(), blocked / 1e6, j.durationNanos() / 1e6, ratio * 100));
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
            return RuleResult.notApplicable(this, "no JFR recording and no async-profiler lock profile in this run");
        }
        return f.result("A contended monitor serialises the threads that need it; the time they wait does not show up"
                        + " as CPU time, so CPU profiles miss it.",
                "Shrink the critical section, split the lock (striping), or use a concurrent structure"
                        + " (ConcurrentHashMap, LongAdder, a lock-free queue) at the reported site.");
    }
}
