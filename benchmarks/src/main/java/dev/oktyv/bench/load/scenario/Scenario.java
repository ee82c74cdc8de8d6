package dev.oktyv.bench.load.scenario;

import java.time.Duration;

/**
 * A load scenario: one small class per workload (an engine in process, the service over HTTP, a user's URL).
 * Adding one means writing the class and listing it in {@link ScenarioRegistry}. The runner owns timing,
 * recording and threads; a scenario only says how to prepare the target and what one operation is.
 */
public interface Scenario {

    /** Stable id, used as the folder name {@code load/<id>/}: letters, digits, {@code . _ - =}. */
    String id();

    String description();

    /** Workers when the user gives no model: the seed's concurrency for this workload. */
    int defaultConcurrency();

    /** Ramp-up when the user gives none (the seed ramps some scenarios up over 1 s). */
    default Duration defaultRampUp() {
        return Duration.ZERO;
    }

    /** Starts whatever the operations need (server, engine, fixture). Closed once, after the last operation. */
    Target open() throws Exception;

    /**
     * A prepared workload; thread-safe, hands out one {@link Session} per worker. {@code close()} may throw any
     * exception (engines close pools, servers, mail stores); the runner reports it as a runtime failure.
     */
    @SuppressWarnings("try") // close() throws Exception on purpose: engine shutdowns throw all kinds.
    interface Target extends AutoCloseable {
        Session newSession() throws Exception;

        @Override
        void close() throws Exception;
    }

    /**
     * One worker's view (a connection, a client): used by one thread only, so it may keep state without locks.
     * {@link #execute} either returns an outcome or throws; a thrown exception counts as a failure of kind
     * {@code exception} and the session is kept.
     */
    @SuppressWarnings("try")
    interface Session extends AutoCloseable {
        dev.oktyv.bench.load.executor.Outcome execute() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }
}
