package dev.oktyv.system.vault;

import dev.oktyv.system.monitoring.CounterMetric;
import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;

/**
 * The group-commit counters of one open vault, kept in the manager's {@link MetricsCollector} so {@code /metrics}
 * shows them as {@value #COMMITS} and {@value #RECORDS} (label {@code vault}); their quotient is the number of
 * writes that shared one fdatasync. Instances of one vault opened through one manager share the counters.
 */
final class CommitCounters {

    static final String COMMITS = "oktyv_vault_commits";
    static final String RECORDS = "oktyv_vault_committed_records";

    private final CounterMetric commits;
    private final CounterMetric records;

    CommitCounters(MetricsCollector collector, String vaultName) {
        commits = collector.counter(MetricKey.of(COMMITS, "vault", vaultName));
        records = collector.counter(MetricKey.of(RECORDS, "vault", vaultName));
    }

    void committed(int recordCount) {
        records.increment(recordCount);
        commits.increment();
    }

    VaultCommitStats snapshot() {
        // Commits first: a concurrent commit then shows up in records, never as a commit without its records.
        long c = commits.value();
        return new VaultCommitStats(c, records.value());
    }
}
