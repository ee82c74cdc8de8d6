package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.ThresholdOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a load run passed, and the one line that says so at its end. A run in which every operation failed, or
 * none was measured, fails whatever the thresholds say: 226,297 refused connections are not a pass.
 */
final class LoadVerdict {

    /** The criterion of every scenario run without {@code --threshold} (stress has always used it alone). */
    static final String DEFAULT_CRITERION = "error_rate<1%";
    /**
     * Added to {@link #DEFAULT_CRITERION} for a run with an intended rate: a generator that could not start
     * operations on time measured a lighter load than was asked for, which error_rate alone would pass.
     */
    static final String DEFAULT_DROPPED_CRITERION = "dropped_rate<1%";

    private final List<String> failures = new ArrayList<>();
    private int scenarios;

    /** The user's thresholds, or {@link #DEFAULT_CRITERION} when none was given (stress steps). */
    static List<Threshold> effective(List<Threshold> given) {
        return given.isEmpty() ? List.of(Threshold.parse(DEFAULT_CRITERION)) : given;
    }

    /**
     * The user's thresholds, or the default criteria of a scenario run with this model: {@link #DEFAULT_CRITERION},
     * plus {@link #DEFAULT_DROPPED_CRITERION} when it has an intended rate (open, or closed with --rate). A closed
     * model without --rate has no schedule to fall behind; one deriving its rate from the warm-up is not judged on
     * drops by default either, as that rate is only known after the warm-up.
     */
    static List<Threshold> effective(List<Threshold> given, LoadModel model) {
        if (!given.isEmpty()) {
            return given;
        }
        boolean intendedRate = model instanceof LoadModel.Open
                || model instanceof LoadModel.Closed c && c.intendedRatePerSecond().isPresent();
        return intendedRate ? List.of(Threshold.parse(DEFAULT_CRITERION), Threshold.parse(DEFAULT_DROPPED_CRITERION))
                : effective(given);
    }

    /** Why one scenario's run fails, if it does. */
    static Optional<String> failure(LoadSummary s) {
        long total = s.totals().total();
        if (total == 0) {
            return Optional.of("no operation was measured");
        }
        List<String> why = new ArrayList<>();
        if (s.totals().failed() == total) {
            why.add("every operation failed (" + total + " of " + total + ")");
        }
        for (ThresholdOutcome t : s.thresholds()) {
            if (!t.passed()) {
                why.add(t.expression() + " failed, observed " + SummaryPrinter.observed(t, s));
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", why));
    }

    void scenario(String id, LoadSummary s) {
        scenarios++;
        failure(s).ifPresent(f -> failures.add(id + ": " + f));
    }

    void stress(String id, boolean passed, List<Threshold> criteria) {
        scenarios++;
        if (!passed) {
            failures.add(id + ": no stress step met " + criteria.stream().map(Threshold::expression).toList());
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** The run's last line. */
    String line() {
        return passed() ? "load passed: " + scenarios + (scenarios == 1 ? " scenario" : " scenarios") + ", every criterion held"
                : "load FAILED: " + String.join("; ", failures);
    }
}
