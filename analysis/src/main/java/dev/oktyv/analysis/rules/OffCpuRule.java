package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import dev.oktyv.analysis.model.WallProfile;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the worker threads wait (socket read, futex, file sync, lock, sleep), with each wait's share of their time
 * and the frame that waited: from a wall-clock profile ({@code --profile wall}: samples, so shares are of wall time)
 * or from JFR's wait events (thread park, monitor enter and wait, sleep, socket and file I/O, file force: their
 * durations over the threads' wall time). Like hot methods, waiting is a place to look rather than a defect (a load
 * client is supposed to wait for its server), so this rule stops at WARNING.
 */
public final class OffCpuRule implements Rule {

    static final double INFO_SHARE = 0.20;
    static final double WARNING_SHARE = 0.50;
    /** Evidence per workload: the heaviest waits only. */
    static final int TOP = 3;

    private static final Set<WaitKind> WAITS = EnumSet.complementOf(EnumSet.of(WaitKind.RUNNING));

    @Override
    public String id() {
        return "off-cpu";
    }

    @Override
    public String title() {
        return "Off-CPU: where the worker threads wait";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("waiting share of thread time info", INFO_SHARE * 100, "%"),
                new Threshold("waiting share of thread time warning", WARNING_SHARE * 100, "%"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "the worker threads spend little time waiting");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            if (p.wall().isPresent() && p.wall().get().totalSamples() > 0) {
                any = true;
                WallProfile w = p.wall().get();
                report(f, p.workloadId() + " [" + w.threads() + ", wall-clock samples]", p.workloadId(), w.threads(),
                        w.samples(), w.totalSamples(), w.sources().get(0));
                continue; // wall samples see every wait; JFR's thresholded events would only repeat part of it
            }
            for (JfrDigest j : p.jfr()) {
                if (!(j.durationNanos() > 0) || j.threadsByGroup().isEmpty()) {
                    continue;
                }
                for (ThreadSelection sel : ThreadSelection.of(j, WAITS)) {
                    any = true;
                    Map<WaitSite, Double> mine = new HashMap<>();
                    j.waits().forEach((site, ns) -> {
                        if (sel.includes(site, WAITS)) {
                            mine.merge(new WaitSite("", site.kind(), site.target(), site.frame()), ns, Double::sum);
                        }
                    });
                    report(f, p.workloadId() + " [" + sel.label() + ", JFR wait events]", p.workloadId(), sel.label(), mine,
                            j.durationNanos() * sel.threads(), j.source());
                }
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no wall-clock profile (--profile wall) and no JFR wait events with"
                    + " thread information in this run");
        }
        return f.result("Time a thread spends blocked (in a socket read, on a futex, in fsync, on a monitor) is invisible"
                        + " to CPU profiles; it bounds throughput as surely as CPU work does. JFR records only waits above"
                        + " its thresholds (10-20 ms), so shares from JFR events are lower bounds.",
                "Look at the waiting frame: batch or pipeline remote calls, pool connections, move fsync off the request"
                        + " path (group commit), and shrink or split contended locks.");
    }

    /**
     * @param weights   by site, in samples or nanoseconds; {@link WaitKind#RUNNING} is skipped
     * @param threadTime the denominator in the same unit: all samples, or wall time times threads
     */
    private void report(Finding f, String subject, String workload, String threads, Map<WaitSite, Double> weights,
                        double threadTime, Path source) {
        List<Map.Entry<WaitSite, Double>> waits = weights.entrySet().stream().filter(e -> e.getKey().kind() != WaitKind.RUNNING)
                .sorted(Map.Entry.<WaitSite, Double>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .toList();
        double waiting = waits.stream().mapToDouble(Map.Entry::getValue).sum() / threadTime;
        f.evidence(new Evidence(subject, "waiting share of thread time", waiting * 100, "%", source));
        for (Map.Entry<WaitSite, Double> e : waits.subList(0, Math.min(TOP, waits.size()))) {
            f.evidence(new Evidence(subject, "share in " + describe(e.getKey()), e.getValue() / threadTime * 100, "%", source));
        }
        if (waits.isEmpty()) {
            return;
        }
        Map.Entry<WaitSite, Double> top = waits.get(0);
        double share = top.getValue() / threadTime;
        Severity s = share >= WARNING_SHARE ? Severity.WARNING : share >= INFO_SHARE ? Severity.INFO : Severity.OK;
        f.observe(s, String.format(Locale.ROOT, "%s: %.1f%% of the time of %s is spent waiting in %s", workload,
                        share * 100, threads, describe(top.getKey())),
                String.format(Locale.ROOT, "removing the wait in %s gives back at most %.1f%% of the thread time of %s"
                        + " (%.1f%% is spent waiting in all)", top.getKey().frame(), share * 100, threads, waiting * 100));
    }

    /** "socket read of socket:db:5432 in JdkHttpTransport.send". */
    static String describe(WaitSite w) {
        return w.kind().label() + (w.target().isEmpty() ? "" : " of " + w.target()) + " in " + w.frame();
    }

}
