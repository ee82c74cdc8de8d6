package dev.oktyv.bench.load.cli;

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

    /** The criterion of a scenario run without {@code --threshold} (stress has always used it too). */
    static final String DEFAULT_CRITERION = "error_rate<1%";

    private final List<String> failures = new ArrayList<>();
    private int scenarios;

    /** The user's thresholds, or {@link #DEFAULT_CRITERION} when none was given. */
    static List<Threshold> effective(List<Threshold> given) {
        return given.isEmpty() ? List.of(Threshold.parse(DEFAULT_CRITERION)) : given;
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
                why.add(t.expression() + " failed, observed " + Threshold.parse(t.expression()).format(t.observed()));
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
