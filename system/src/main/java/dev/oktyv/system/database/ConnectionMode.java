package dev.oktyv.system.database;

/**
 * How the engine obtains connections. {@link #CONNECTION_PER_QUERY} exists as the measured baseline of the
 * pooling "optimisation" (the benchmarks compare the two); production use is {@link #POOLED}.
 */
public enum ConnectionMode {
    POOLED, CONNECTION_PER_QUERY
}
