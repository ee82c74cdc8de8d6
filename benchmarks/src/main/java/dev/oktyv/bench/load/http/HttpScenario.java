package dev.oktyv.bench.load.http;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;

/**
 * The generic HTTP target ({@code --url}): each worker owns one keep-alive connection, so the number of workers
 * is exactly the number of connections ({@code --connections N}), as with wrk's {@code -c}.
 */
public final class HttpScenario implements Scenario {

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
