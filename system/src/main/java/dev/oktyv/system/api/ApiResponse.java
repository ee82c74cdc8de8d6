package dev.oktyv.system.api;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** The final response of a call, after any retries; {@code attempts} counts the requests actually sent. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body, int attempts) {

    public ApiResponse {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + ", bodyBytes=" + body.length + ", attempts=" + attempts + "]";
    }
}
