package dev.oktyv.system.api;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends one request, no retries, no policy. The seam between the client's policies and the network. */
@FunctionalInterface
public interface HttpTransport {

    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException;
}
