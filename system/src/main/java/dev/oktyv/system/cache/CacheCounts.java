package dev.oktyv.system.cache;

/**
 * Since-start counts of one cache (the same numbers its metrics export).
 *
 * @param hits         reads answered from a fresh entry
 * @param misses       reads that went to the backend
 * @param evictions    entries removed by size or TTL (not by invalidation on write)
 * @param loadFailures backend calls that threw
 * @param staleServed  reads answered with a {@link Freshness#STALE} entry because the backend failed
 */
public record CacheCounts(long hits, long misses, long evictions, long loadFailures, long staleServed) {

    /** hits / (hits + misses); NaN before the first read. */
    public double hitRatio() {
        long reads = hits + misses;
        return reads == 0 ? Double.NaN : (double) hits / reads;
    }
}
