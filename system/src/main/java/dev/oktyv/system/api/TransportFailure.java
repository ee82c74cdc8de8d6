package dev.oktyv.system.api;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;

/** Why a request failed below HTTP, and whether that kind of failure is worth repeating. */
public enum TransportFailure {
    /** The TCP connection was never established in time: the request cannot have reached the server. */
    CONNECT_TIMEOUT(true),
    /** The peer reset or dropped the connection; retried only for idempotent methods. */
    CONNECTION_RESET(true),
    /** The attempt's deadline (requestTimeout, body included) passed; the exchange was cancelled. */
    TIMEOUT(false),
    OTHER(false);

    private final boolean retryable;

    TransportFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /**
     * The JDK client has no dedicated type for a reset: it surfaces as a {@link SocketException} "Connection
     * reset", or as an {@link EOFException} / IOException "... received no bytes" when the server closed before
     * answering. Walk the cause chain because HttpClient wraps the original.
     */
    public static TransportFailure classify(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return CONNECT_TIMEOUT;
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return TIMEOUT;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("connection reset") || message.contains("received no bytes")
                    || message.contains("broken pipe") || t instanceof EOFException) {
                return CONNECTION_RESET;
            }
        }
        return OTHER;
    }
}
