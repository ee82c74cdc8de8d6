package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Rate of thrown exceptions (JFR jdk.JavaExceptionThrow when enabled, else jdk.ExceptionStatistics). */
public final class ExceptionRateRule implements Rule {

    static final double WARNING_PER_SECOND = 1_000;
    static final double CRITICAL_PER_SECOND = 10_000;

    @Override
    public String id() {
        return "exceptions";
    }

    @Override
    public String title() {
        return "Exceptions: throw rate";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("throws per second warning", WARNING_PER_SECOND, "1/s"),
                new Threshold("throws per second critical", CRITICAL_PER_SECOND, "1/s"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "exceptions are rare");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            for (JfrDigest j : p.jfr()) {
                if (Double.isNaN(j.exceptionsThrown()) || !(j.durationNanos() > 0)) {
                    continue;
                }
                any = true;
                double rate = j.exceptionsThrown() / j.durationSeconds();
                f.evidence(new Evidence(p.workloadId(), "exceptions thrown", rate, "1/s", j.source()));
                Optional<FrameHistogram> cpu = p.cpu();
                double fill = cpu.map(h -> h.inclusiveShareOf("Throwable.fillInStackTrace")).orElse(Double.NaN);
                String impact = Double.isNaN(fill)
                        ? String.format(Locale.ROOT, "%.0f exceptions/s in %s; no CPU samples to bound their cost", rate, p.workloadId())
                        : String.format(Locale.ROOT, "Throwable.fillInStackTrace holds %.1f%% of CPU samples in %s, so avoiding"
                                + " the stack traces can at best save %.1f%%", fill * 100, p.workloadId(), fill * 100);
                if (!Double.isNaN(fill)) {
                    f.evidence(new Evidence(p.workloadId(), "CPU share of Throwable.fillInStackTrace", fill * 100, "%",
                            cpu.get().sources().get(0)));
                }
                f.observe(Finding.grade(rate, WARNING_PER_SECOND, CRITICAL_PER_SECOND),
                        String.format(Locale.ROOT, "%s throws %.0f exceptions per second", p.workloadId(), rate), impact);
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no JFR exception events or statistics in this run");
        }
        return f.result("Creating an exception walks the stack to fill in its trace; used for control flow at high"
                        + " rates this costs far more than a return value.",
                "Do not use exceptions for expected outcomes (validation, not-found); return a result type, or reuse a"
                        + " preallocated exception without a stack trace where an exception is required.");
    }
}
