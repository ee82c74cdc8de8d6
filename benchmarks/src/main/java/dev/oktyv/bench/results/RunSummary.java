package dev.oktyv.bench.results;

import dev.oktyv.results.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code results}: a run folder as far as it could be read.
 *
 * @param commit     short sha with a {@code -dirty} mark, or {@code unknown}
 * @param startedAt  from {@code run.json}, or from the folder name when {@code run.json} is unreadable
 * @param status     {@code complete}, {@code incomplete}, {@code failed}, or {@code unreadable: <reason>}
 * @param benchmarks result entries in {@code jmh.json}, {@code -} when the run has none, or
 *                   {@code unreadable: <why>} when it is damaged
 */
public record RunSummary(RunId id, String commit, Instant startedAt, String status, String benchmarks) {

    public RunSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(benchmarks, "benchmarks");
    }
}
