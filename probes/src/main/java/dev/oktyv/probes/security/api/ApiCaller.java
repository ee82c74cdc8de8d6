package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import java.io.IOException;

/** Sends one API request the way the client under test does (policies, limits, retries). */
@FunctionalInterface
public interface ApiCaller {

    ApiResponse send(ApiRequest request) throws IOException, InterruptedException;
}
