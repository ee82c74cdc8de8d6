package dev.oktyv.probes.recovery;

import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.recovery.RecoveryReport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The console in the seed's style: "💥 Testing …" before each probe, one earned result line after it, then the
 * success rate with its band. Numbers use the ROOT locale so the output does not change with the user's.
 */
public final class RecoveryConsole implements RecoveryRunner.ProbeListener {

    private final PrintWriter out;

    public RecoveryConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void starting(RecoveryProbe probe) {
        out.println("💥 Testing " + probe.title());
        out.flush();
    }

    @Override
    public void finished(ProbeOutcome o) {
        String mark = switch (o.verdict()) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case NOT_RUN -> "⏭️";
            case NOT_APPLICABLE -> "➖";
        };
        out.println("   " + mark + " " + o.summary());
        out.flush();
    }

    public void summary(RecoveryReport report) {
        long passed = report.count(dev.oktyv.results.probe.ProbeVerdict.PASS);
        long failed = report.count(dev.oktyv.results.probe.ProbeVerdict.FAIL);
        long notRun = report.count(dev.oktyv.results.probe.ProbeVerdict.NOT_RUN)
                + report.count(dev.oktyv.results.probe.ProbeVerdict.NOT_APPLICABLE);
        out.println();
        if (report.band().isEmpty()) {
            out.println("📊 Recovery success rate: not applicable, no probe ran (" + notRun + " not run)");
        } else {
            out.println(String.format(Locale.ROOT, "📊 Recovery success rate: %.1f%% (%d of %d passed%s): %s",
                    report.successRatePercent(), passed, passed + failed,
                    notRun == 0 ? "" : ", " + notRun + " not run", report.band().get().label()));
        }
        out.println(String.format(Locale.ROOT, "   finished in %.1f s", report.elapsedSeconds()));
        out.flush();
    }
}
