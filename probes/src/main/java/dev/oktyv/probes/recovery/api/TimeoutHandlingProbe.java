package dev.oktyv.probes.recovery.api;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.http.Reply;
import dev.oktyv.probes.recovery.proxy.FaultProxy;
import dev.oktyv.probes.recovery.proxy.LatencyToxic;
import dev.oktyv.probes.recovery.proxy.ToxicDirection;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.JitterSource;
import dev.oktyv.system.api.RetryPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Latency beyond the operation timeout, injected by the proxy on an open connection: the call must fail within the
 * configured request timeout ±10% (the probe reads the timeout back from the engine's configuration), the proxied
 * connection must be closed by the client (the request was cancelled, not abandoned), no client thread may be
 * left behind, and a call after the latency is removed must succeed.
 */
public final class TimeoutHandlingProbe extends ApiRecoveryProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration LATENCY = Duration.ofSeconds(3);
    private static final Duration CLEANUP_DEADLINE = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "timeout-handling";
    }

    @Override
    public String title() {
        return "Timeout Handling";
    }

    @Override
    ProbeOutcome attack(ApiTarget target) throws Exception {
        Judgement j = new Judgement();
        try (ApiFixture f = new ApiFixture();
             FaultProxy proxy = FaultProxy.start(new InetSocketAddress("127.0.0.1", f.server.port()))) {
            ApiClientConfig config = ApiClientConfig.builder().sslContext(f.tls.client()).retryPolicy(RetryPolicy.NONE)
                    .connectTimeout(TIMEOUT).requestTimeout(TIMEOUT).breaker(ApiFixture.LENIENT_BREAKER)
                    .jitter(JitterSource.seeded(14)).build();
            Duration timeout = config.requestTimeout();
            ApiEngine api = target.open(config);
            URI uri = URI.create("https://127.0.0.1:" + proxy.port() + "/slow");
            f.server.script("/slow", Reply.of(200));
            api.send(ApiRequest.get(uri));
            int threadsBefore = clientThreads();

            LatencyToxic slow = LatencyToxic.of(ToxicDirection.DOWNSTREAM, LATENCY);
            proxy.add(slow);
            long start = System.nanoTime();
            String result;
            try {
                ApiResponse r = api.send(ApiRequest.get(uri));
                result = "returned status " + r.status();
            } catch (IOException e) {
                result = "failed with " + e.getClass().getSimpleName();
            }
            double elapsedMillis = (System.nanoTime() - start) / 1e6;
            double low = timeout.toMillis() * 0.9;
            double high = timeout.toMillis() * 1.1;
            j.require(result.startsWith("failed") && elapsedMillis >= low && elapsedMillis <= high, "ApiClient",
                    String.format(Locale.ROOT, "call under %d ms latency %s after %.0f ms (configured timeout %d ms, "
                            + "allowed %.0f..%.0f ms)", LATENCY.toMillis(), result, elapsedMillis, timeout.toMillis(),
                            low, high));
            proxy.remove(slow);
            boolean closed = awaitNoConnections(proxy);
            j.require(closed, "proxy", "client closed the timed-out connection: " + closed + " ("
                    + proxy.openConnections() + " proxied connection(s) open after " + CLEANUP_DEADLINE.toSeconds() + " s)");
            int threadsAfter = clientThreads();
            j.require(threadsAfter <= threadsBefore, "jvm-threads",
                    "HttpClient threads " + threadsBefore + " before, " + threadsAfter + " after");

            long recoverStart = System.nanoTime();
            ApiResponse again = api.send(ApiRequest.get(uri));
            double recoveryMillis = (System.nanoTime() - recoverStart) / 1e6;
            j.require(again.status() == 200, "ApiResponse", "after the latency was removed: status " + again.status());
            return j.outcome(this, "proxy adds " + LATENCY.toMillis() + " ms latency to an open HTTPS connection",
                    String.format(Locale.ROOT, "Timed out after %.0f ms (configured %d ms), connection closed",
                            elapsedMillis, timeout.toMillis()), recoveryMillis, OptionalInt.of(again.attempts()));
        }
    }

    /** Waits for the proxy's own connection count, with a deadline: the client closing is an event we observe. */
    private static boolean awaitNoConnections(FaultProxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + CLEANUP_DEADLINE.toNanos();
        while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return proxy.openConnections() == 0;
    }

    /** The JDK HttpClient names its threads "HttpClient-N-…"; any left per abandoned call would show here. */
    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient")).count();
    }
}
