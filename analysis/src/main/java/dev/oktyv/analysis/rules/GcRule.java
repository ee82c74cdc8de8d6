package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.JfrDigest;
import java.util.List;
import java.util.Locale;

/** GC pause ratio, longest pause and collection frequency from JFR {@code jdk.GarbageCollection}. */
public final class GcRule implements Rule {

    static final double WARNING_PAUSE_RATIO = 0.05;
    static final double CRITICAL_PAUSE_RATIO = 0.20;
    static final double WARNING_LONGEST_MS = 100;
    static final double CRITICAL_LONGEST_MS = 1000;
    static final double WARNING_PER_SECOND = 10;

    @Override
    public String id() {
        return "gc";
    }

    @Override
    public String title() {
        return "GC: pause ratio, long pauses, frequency";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("pause ratio warning", WARNING_PAUSE_RATIO * 100, "%"),
                new Threshold("pause ratio critical", CRITICAL_PAUSE_RATIO * 100, "%"),
                new Threshold("longest pause warning", WARNING_LONGEST_MS, "ms"),
                new Threshold("longest pause critical", CRITICAL_LONGEST_MS, "ms"),
                new Threshold("collections per second warning", WARNING_PER_SECOND, "1/s"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "GC pauses are short and rare");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            for (JfrDigest j : p.jfr()) {
                if (j.gcPauseCount().isEmpty() || !(j.durationNanos() > 0)) {
                    continue;
                }
                any = true;
                double ratio = j.gcPauseTotalNanos() / j.durationNanos();
                double longestMs = j.gcLongestPauseNanos() / 1e6;
                double perSecond = j.gcPauseCount().getAsLong() / j.durationSeconds();
                f.evidence(new Evidence(p.workloadId(), "GC pause ratio", ratio * 100, "%", j.source()))
                        .evidence(new Evidence(p.workloadId(), "longest GC pause", longestMs, "ms", j.source()))
                        .evidence(new Evidence(p.workloadId(), "collections", perSecond, "1/s", j.source()));
                Severity s = Severity.max(Finding.grade(ratio, WARNING_PAUSE_RATIO, CRITICAL_PAUSE_RATIO),
                        Finding.grade(longestMs, WARNING_LONGEST_MS, CRITICAL_LONGEST_MS));
                s = Severity.max(s, perSecond >= WARNING_PER_SECOND ? Severity.WARNING : Severity.OK);
                f.observe(s, String.format(Locale.ROOT, "%s: GC paused %.1f%% of the time, longest %.1f ms, %.1f collections/s",
                                p.workloadId(), ratio * 100, longestMs, perSecond),
                        String.format(Locale.ROOT, "GC pauses took %.1f%% of wall time in %s, so removing GC entirely can at best"
                                + " save %.1f%%", ratio * 100, p.workloadId(), ratio * 100));
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no JFR recording with jdk.GarbageCollection events in this run");
        }
        return f.result("Stop-the-world pauses stall every application thread; frequent collections are usually driven"
                        + " by the allocation rate, long ones by a large live set or an undersized heap.",
                "Lower the allocation rate first (see the allocation rule); then size the heap (-Xmx, -Xmn) or try a"
                        + " low-pause collector (ZGC, Shenandoah) for latency-sensitive services.");
    }
}
