package dev.oktyv.results.load;

import java.util.Locale;

/** Why an operation failed. The wire name is the lower-case enum name. */
public enum FailureKind {
    /** The operation threw; detail is the exception class. */
    EXCEPTION,
    /** An HTTP response outside 2xx/3xx; detail is the status class, e.g. {@code 5xx}. */
    HTTP_STATUS,
    /** No answer within the operation's timeout; detail names the timeout. */
    TIMEOUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailureKind fromWire(String s) {
        for (FailureKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown failure kind '" + s + "'");
    }
}
