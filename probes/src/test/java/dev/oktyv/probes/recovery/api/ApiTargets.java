package dev.oktyv.probes.recovery.api;

import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.BreakerSettings;
import dev.oktyv.system.api.HostBreakers;
import dev.oktyv.system.api.HttpMethod;
import dev.oktyv.system.api.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Weakened API engines, built in test code through the client's configuration and by wrapping it: no backdoor in
 * production code. Each is what a careless change to the engine would produce.
 */
final class ApiTargets {

    private ApiTargets() {
    }

    static RecoveryTargets with(ApiTarget target) {
        return RecoveryTargets.builder(Path.of("unused")).with(ApiTarget.class, target).build();
    }

    /** Retries off: whatever the probe configures, one attempt. */
    static final ApiTarget RETRIES_OFF = config -> ApiTarget.REAL.open(rebuild(config, RetryPolicy.NONE,
            config.breaker(), config.requestTimeout()));

    /** Breaker off: a threshold no probe can reach. */
    static final ApiTarget BREAKER_OFF = config -> ApiTarget.REAL.open(rebuild(config, config.retryPolicy(),
            new BreakerSettings(100, 100, 100f, Duration.ofMillis(1), 1), config.requestTimeout()));

    /** No timeout: the configured one is replaced by a minute. */
    static final ApiTarget NO_TIMEOUT = config -> ApiTarget.REAL.open(rebuild(config, config.retryPolicy(),
            config.breaker(), Duration.ofMinutes(1)));

    /** POST retried: a wrapper that repeats a POST on a 5xx, as a naive "retry everything" layer would. */
    static final ApiTarget POST_RETRIED = config -> {
        ApiClient client = new ApiClient(config);
        return new ApiEngine() {
            @Override
            public ApiResponse send(ApiRequest request) throws IOException, InterruptedException {
                ApiResponse r = client.send(request);
                for (int i = 1; request.method() == HttpMethod.POST && r.status() >= 500
                        && i < config.retryPolicy().maxAttempts(); i++) {
                    r = client.send(request);
                }
                return r;
            }

            @Override
            public HostBreakers breakers() {
                return client.breakers();
            }
        };
    };

    private static ApiClientConfig rebuild(ApiClientConfig c, RetryPolicy retry, BreakerSettings breaker,
                                           Duration requestTimeout) {
        return new ApiClientConfig(c.connectTimeout(), requestTimeout, c.allowLoopbackHttp(), c.sslContext(), retry,
                c.globalLimit(), c.endpointLimit(), c.permitTimeout(), breaker, c.clock(), c.nanoClock(), c.sleeper(),
                c.jitter(), c.maxResponseBytes());
    }
}
