package dev.oktyv.analysis.history;

import java.time.Instant;

/**
 * One run's score of one benchmark.
 *
 * @param orderedBy when the point sits on the time axis: the commit date from git, or the run start when git does
 *                  not know the commit
 * @param fromCommitDate whether {@code orderedBy} is a commit date
 */
public record HistoryPoint(String runId, String commit, Instant orderedBy, boolean fromCommitDate, double score,
                           double error) {
}
