package dev.oktyv.system.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@link HttpTransport} on {@link HttpClient}: connection pooling, HTTP/2 where the server offers it. */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;

    public JdkHttpTransport(ApiClientConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Redirects are not followed: a redirect could lead to http:// or another host, bypassing the
                // URL policy and carrying the bearer token along.
                .followRedirects(HttpClient.Redirect.NEVER);
        config.sslContext().ifPresent(builder::sslContext);
        this.client = builder.build();
    }

    @Override
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
