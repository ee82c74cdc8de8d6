package dev.oktyv.probes.recovery.api;

import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;

/**
 * Opens an API engine with the configuration a probe chose (its retry policy, breaker settings, timeouts and
 * injected time). The real target is {@link #REAL}; tests register weakened ones that bend the configuration or
 * wrap the client, to prove that each probe can fail.
 */
@FunctionalInterface
public interface ApiTarget {

    ApiTarget REAL = config -> ApiEngine.of(new ApiClient(config));

    ApiEngine open(ApiClientConfig config);
}
