package dev.oktyv.bench.load.http;

import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.executor.WorkerThreads;
import dev.oktyv.bench.load.recording.RunRecorder;
import dev.oktyv.bench.load.scenario.SelfDrivingScenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic HTTP target ({@code --url}): each worker owns one keep-alive connection, so the number of workers
 * is exactly the number of connections ({@code --connections N}), as with wrk's {@code -c}. The closed model at
 * maximum rate (no intended rate, think time or ramp-up; plain http) runs on {@link #eventLoops} event-loop threads
 * instead of a thread per connection, like wrk's {@code -t}.
 */
public final class HttpScenario implements SelfDrivingScenario {

    public static final String ID = "http";
    private final HttpRequestSpec spec;
    private final int connections;

    public HttpScenario(HttpRequestSpec spec, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be >= 1, got " + connections);
        }
        this.spec = spec;
        this.connections = connections;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return spec.toString() + " over " + connections + " keep-alive connections";
    }

    @Override
    public int defaultConcurrency() {
        return connections;
    }

    /** One event loop per core, at most one per connection. */
    private int eventLoops() {
        return Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public boolean drives(LoadModel model) {
        return model instanceof LoadModel.Closed c && c.intendedRatePerSecond().isEmpty() && c.thinkTime().isZero()
                && c.rampUp().isZero() && !spec.tls();
    }

    @Override
    public long drive(LoadModel model, RunRecorder recorder, Pacer pacer, long originNanoTime) throws Exception {
        long end = originNanoTime + model.warmup().toNanos() + model.measured().toNanos();
        int loops = eventLoops();
        List<MultiplexedHttpLoop> eventLoops = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            // Spread the connections: loop i gets every loops-th one.
            int share = connections / loops + (i < connections % loops ? 1 : 0);
            eventLoops.add(new MultiplexedHttpLoop(spec, share, pacer, recorder, originNanoTime, end));
        }
        WorkerThreads.runAll(eventLoops, "oktyv-load-loop-");
        return pacer.nanoTime();
    }

    @Override
    public Target open() {
        return new Target() {
            @Override
            public Session newSession() {
                Http1Connection connection = new Http1Connection(spec);
                return new Session() {
                    @Override
                    public Outcome execute() throws Exception {
                        return connection.exchange();
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }
}
