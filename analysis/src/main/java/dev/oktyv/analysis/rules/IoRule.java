package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.IoTarget;
import dev.oktyv.analysis.model.JfrDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * File and socket I/O time from JFR (jdk.FileRead/FileWrite/SocketRead/SocketWrite). JFR records only
 * operations above its threshold (20 ms default, 10 ms in the profile settings), so this is a lower bound.
 */
public final class IoRule implements Rule {

    static final double WARNING_RATIO = 0.10;
    static final double CRITICAL_RATIO = 0.50;

    @Override
    public String id() {
        return "io";
    }

    @Override
    public String title() {
        return "I/O: file and socket time";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("I/O time / wall time warning", WARNING_RATIO * 100, "%"),
                new Threshold("I/O time / wall time critical", CRITICAL_RATIO * 100, "%"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "no slow file or socket operations recorded");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            for (JfrDigest j : p.jfr()) {
                if (!(j.durationNanos() > 0)
                        || !j.recorded("jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite")) {
                    continue;
                }
                any = true;
                double file = j.ioNanos(IoTarget.Kind.FILE);
                double socket = j.ioNanos(IoTarget.Kind.SOCKET);
                double ratio = (file + socket) / j.durationNanos();
                f.evidence(new Evidence(p.workloadId(), "file I/O time", file / 1e6, "ms", j.source()))
                        .evidence(new Evidence(p.workloadId(), "socket I/O time", socket / 1e6, "ms", j.source()));
                Map.Entry<IoTarget, Double> top = j.ioNanosByTarget().entrySet().stream()
                        .max(Comparator.comparingDouble(Map.Entry::getValue)).orElse(null);
                if (top != null) {
                    f.evidence(new Evidence(p.workloadId(), "slowest target " + top.getKey(), top.getValue() / 1e6, "ms", j.source()));
                }
                f.observe(Finding.grade(ratio, WARNING_RATIO, CRITICAL_RATIO),
                        String.format(Locale.ROOT, "%s: recorded I/O took %.1f%% of wall time (file %.0f ms, socket %.0f ms)%s",
                                p.workloadId(), ratio * 100, file / 1e6, socket / 1e6, top == null ? "" : ", most on " + top.getKey()),
                        String.format(Locale.ROOT, "I/O waits cover %.1f%% of wall time summed over threads in %s; faster or"
                                + " fewer I/O calls can at best give back that time", ratio * 100, p.workloadId()));
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no JFR recording with file or socket events enabled in this run");
        }
        return f.result("Blocking I/O parks a thread; JFR records each slow read or write with its path or remote address.",
                "Batch small writes, buffer streams, reuse connections (pooling), and move I/O off latency-critical"
                        + " threads.");
    }
}
