package dev.oktyv.probes.recovery.api;

import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.HostBreakers;
import java.io.IOException;

/** The API client as the probes see it: what it sends and the breakers whose transitions it publishes. */
public interface ApiEngine {

    ApiResponse send(ApiRequest request) throws IOException, InterruptedException;

    HostBreakers breakers();

    static ApiEngine of(ApiClient client) {
        return new ApiEngine() {
            @Override
            public ApiResponse send(ApiRequest request) throws IOException, InterruptedException {
                return client.send(request);
            }

            @Override
            public HostBreakers breakers() {
                return client.breakers();
            }
        };
    }
}
