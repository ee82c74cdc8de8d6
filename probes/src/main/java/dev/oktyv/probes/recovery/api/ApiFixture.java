package dev.oktyv.probes.recovery.api;

import dev.oktyv.probes.tls.LoopbackTls;
import dev.oktyv.probes.recovery.http.ScriptedHttpsServer;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.BreakerSettings;
import dev.oktyv.system.api.JitterSource;
import dev.oktyv.system.api.RateLimit;
import dev.oktyv.system.time.ManualTime;
import java.time.Duration;

/** The scripted HTTPS server and a client configuration that trusts it; shared set-up of the API probes. */
final class ApiFixture implements AutoCloseable {

    /** Never opens within a probe's few dozen calls: for probes that test something other than the breaker. */
    static final BreakerSettings LENIENT_BREAKER = new BreakerSettings(100, 100, 100f, Duration.ofSeconds(1), 1);

    final LoopbackTls tls;
    final ScriptedHttpsServer server;

    ApiFixture() throws Exception {
        tls = LoopbackTls.shared();
        server = new ScriptedHttpsServer(tls.server());
    }

    /** A configuration on {@code time} (so the engine's waits are recorded, not slept) with generous rate limits. */
    ApiClientConfig.Builder config(ManualTime time) {
        return ApiClientConfig.builder().sslContext(tls.client()).time(time.clock(), time, time)
                .globalLimit(new RateLimit(1_000, 1_000)).endpointLimit(new RateLimit(1_000, 1_000))
                .breaker(LENIENT_BREAKER).jitter(JitterSource.seeded(14));
    }

    @Override
    public void close() {
        server.close();
    }
}
