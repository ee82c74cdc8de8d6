package dev.oktyv.system.api;

/** The host's breaker is OPEN (or HALF_OPEN with all probes taken): the call was not sent. */
public class CircuitOpenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String host;

    public CircuitOpenException(String host, String call) {
        super(call + " not sent: circuit breaker for " + host + " is open");
        this.host = host;
    }

    public String host() {
        return host;
    }
}
