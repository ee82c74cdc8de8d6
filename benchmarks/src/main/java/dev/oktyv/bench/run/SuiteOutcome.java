package dev.oktyv.bench.run;

import java.util.List;

/**
 * What a suite run produced.
 *
 * @param benchmarks benchmarks attempted
 * @param results    parameter combinations with a result in {@code jmh.json}
 * @param failed     benchmarks with at least one failed parameter combination, by name
 */
public record SuiteOutcome(int benchmarks, int results, List<String> failed) {

    public SuiteOutcome {
        failed = List.copyOf(failed);
        if (benchmarks < 0 || results < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + benchmarks + " and " + results);
        }
    }

    public boolean allSucceeded() {
        return failed.isEmpty();
    }
}
