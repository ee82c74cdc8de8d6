package dev.oktyv.probes.recovery.proxy;

import java.util.Locale;

/** Toxiproxy's {@code stream}: which way through the proxy a toxic acts. */
public enum ToxicDirection {
    /** Client to server: requests. */
    UPSTREAM,
    /** Server to client: responses. */
    DOWNSTREAM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
