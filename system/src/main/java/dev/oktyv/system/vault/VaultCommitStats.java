package dev.oktyv.system.vault;

/**
 * How well group commit groups, since the vault was opened: {@code commits} is the number of fdatasyncs that
 * made records durable, {@code records} the sets and deletes they carried (a delete of an absent key writes
 * nothing and is not counted). Compaction's own syncs are not commits and are not counted.
 */
public record VaultCommitStats(long commits, long records) {

    public VaultCommitStats {
        if (commits < 0 || records < 0) {
            throw new IllegalArgumentException("commit counts must be >= 0, were commits=" + commits
                    + ", records=" + records);
        }
    }

    /** Records per fdatasync; NaN before the first commit (not applicable, not zero). */
    public double recordsPerCommit() {
        return commits == 0 ? Double.NaN : (double) records / commits;
    }

    /** The counts since {@code earlier}, a snapshot of the same vault taken before this one. */
    public VaultCommitStats since(VaultCommitStats earlier) {
        return new VaultCommitStats(commits - earlier.commits, records - earlier.records);
    }
}
