package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.ExplainedFailure;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A writing command's run goes to the local run folder first, always (a store outage never loses a measurement),
 * and, with {@code --store}, is published when the session has ended. Declared before the session in one
 * try-with-resources, it is closed after it: {@code try (RunPublisher p = store.publisher(); RunSession s =
 * p.start(…))}. A run that ended in failure is published too, as {@code failed}, like the folder it is.
 */
public final class RunPublisher implements AutoCloseable {

    private final ResultsStore local;
    private final HostInfo host;
    private final Optional<RunStore> shared;
    private RunFolder started;

    RunPublisher(ResultsStore local, HostInfo host, Optional<RunStore> shared) {
        this.local = Objects.requireNonNull(local, "local");
        this.host = Objects.requireNonNull(host, "host");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /** Starts the run session in {@code --results-dir}, on this host with its {@code --host-class}. */
    public RunSession start(Path sourceDir, List<String> commandLine, Clock clock) throws IOException {
        RunSession session = RunSession.start(local, sourceDir, commandLine, clock, host);
        started = session.folder();
        return session;
    }

    /**
     * Publishes the ended run. A run that cannot be published keeps its folder, and the failure (exit 3) says how to
     * publish it later.
     */
    @Override
    public void close() throws IOException {
        if (shared.isEmpty()) {
            return;
        }
        try (RunStore store = shared.get()) {
            if (started == null) {
                return;
            }
            try {
                RunId id = store.publish(started);
                System.out.println("published run " + id + " to " + store.location());
            } catch (IOException | IllegalArgumentException e) {
                throw new ExplainedFailure("run " + started.id() + " ended but was not published: " + e.getMessage()
                        + "; its folder is kept at " + started.path() + " (publish it with: store import "
                        + started.path() + ")", e);
            }
        }
    }
}
