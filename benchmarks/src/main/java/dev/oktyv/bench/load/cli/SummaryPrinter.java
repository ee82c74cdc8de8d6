package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.load.thresholds.Metric;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.results.load.FailureCount;
import dev.oktyv.results.load.LatencyStats;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.ThresholdOutcome;
import java.io.PrintStream;
import java.util.Locale;

/** The human summary of one scenario printed at its end (the full figures are in summary.json). */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(PrintStream out, LoadSummary s) {
        out.println(String.format(Locale.ROOT, "  %d ops (%d ok, %d failed) in %.1fs: %.1f/s achieved, target %s, dropped %d",
                s.totals().total(), s.totals().ok(), s.totals().failed(), s.measuredSeconds(),
                s.rates().achievedPerSecond(), Double.isNaN(s.rates().targetPerSecond()) ? "-"
                        : String.format(Locale.ROOT, "%.1f/s", s.rates().targetPerSecond())
                        + (LoadSummary.Rates.DERIVED_FROM_WARMUP.equals(s.rates().targetSource()) ? " (from warm-up)" : ""),
                s.rates().dropped()));
        for (FailureCount f : s.totals().failedByKind()) {
            out.println("    failed " + f.kind().wireName() + " " + f.detail() + ": " + f.count());
        }
        line(out, "corrected", s.corrected());
        line(out, "service  ", s.uncorrected());
        for (ThresholdOutcome t : s.thresholds()) {
            out.println(thresholdLine(t, s));
        }
    }

    /** {@code threshold p99<50ms ok observed 6.08ms}: the observation in the unit the limit was written in. */
    static String thresholdLine(ThresholdOutcome t, LoadSummary s) {
        return String.format(Locale.ROOT, "  threshold %-20s %-6s observed %s", t.expression(),
                t.passed() ? "ok" : "failed", observed(t, s));
    }

    /**
     * The observation in the unit the limit was written in; for {@code dropped_rate} with the counts it comes from,
     * {@code 57.4% (854 of 1,487 intended starts dropped: the generator fell behind)}, or why it is not applicable.
     */
    static String observed(ThresholdOutcome t, LoadSummary s) {
        // The expression was parsed before the run started, so it parses again.
        Threshold threshold = Threshold.parse(t.expression());
        String value = threshold.format(t.observed());
        if (!(threshold.metric() instanceof Metric.DroppedRate)) {
            return value;
        }
        if (Double.isNaN(t.observed())) {
            return value + (Double.isNaN(s.rates().targetPerSecond())
                    ? " (not applicable, because the run had no intended rate: closed model without --rate)"
                    : " (not applicable, because no start was intended in the measured window)");
        }
        long dropped = s.rates().dropped();
        return String.format(Locale.ROOT, "%s (%,d of %,d intended starts dropped%s)", value, dropped,
                s.totals().total() + dropped, dropped > 0 ? ": the generator fell behind" : "");
    }

    private static void line(PrintStream out, String name, LatencyStats l) {
        if (!l.applicable()) {
            out.println("  " + name + " latency: n/a (" + l.notApplicableReason() + ")");
            return;
        }
        out.println(String.format(Locale.ROOT, "  %s latency ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f",
                name, l.p50Micros() / 1e3, l.p90Micros() / 1e3, l.p99Micros() / 1e3, l.p999Micros() / 1e3,
                l.maxMicros() / 1e3));
    }
}
