package dev.oktyv.system.api;

import java.io.IOException;

/** A call failed below HTTP after all allowed attempts. The message names the call, never headers or tokens. */
public class ApiTransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final TransportFailure failure;
    private final int attempts;

    public ApiTransportException(String call, int attempts, TransportFailure failure, IOException cause) {
        super(call + " failed after " + attempts + " attempt(s): " + failure + " ("
                + cause.getClass().getSimpleName() + ")", cause);
        this.failure = failure;
        this.attempts = attempts;
    }

    public TransportFailure failure() {
        return failure;
    }

    public int attempts() {
        return attempts;
    }
}
