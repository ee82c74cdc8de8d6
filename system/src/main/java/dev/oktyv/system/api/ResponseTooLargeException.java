package dev.oktyv.system.api;

import java.io.IOException;

/**
 * A response body was larger than {@link ApiClientConfig#maxResponseBytes()}; the exchange was cancelled when the
 * limit was passed (or at once, when the server announced the length), so the body was never held in memory.
 */
public class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public ResponseTooLargeException(String what, long limitBytes) {
        super(what + " exceeds the response limit of " + limitBytes + " bytes (ApiClientConfig.maxResponseBytes)");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
