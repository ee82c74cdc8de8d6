package dev.oktyv.system.cache;

/** Whether a value read through a {@link ReadThroughCache} is current as far as the cache can tell. */
public enum Freshness {
    /** Loaded from the backend within the TTL, and not written since (writes invalidate). */
    FRESH,
    /**
     * Older than the TTL, served only because the backend failed to answer; the backend may hold a newer value
     * written by another process. Never a value this process has since written: writes remove stale copies too.
     */
    STALE
}
