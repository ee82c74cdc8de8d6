package dev.oktyv.bench.load.executor;

import dev.oktyv.results.load.FailureKind;
import java.net.SocketTimeoutException;
import java.util.Objects;

/** What one operation ended with: success, or a failure of one kind with its detail. Equal failures are equal. */
public record Outcome(FailureKind failure, String detail) {

    public static final Outcome OK = new Outcome(null, "");

    public Outcome {
        Objects.requireNonNull(detail, "detail");
    }

    public boolean ok() {
        return failure == null;
    }

    public static Outcome httpStatus(int status) {
        return new Outcome(FailureKind.HTTP_STATUS, (status / 100) + "xx");
    }

    public static Outcome timeout(String which) {
        return new Outcome(FailureKind.TIMEOUT, which);
    }

    /** A thrown exception; socket timeouts are their own kind because they say something else than an error. */
    public static Outcome of(Throwable t) {
        if (t instanceof SocketTimeoutException) {
            return timeout(t.getMessage() == null ? "socket timeout" : t.getMessage());
        }
        return new Outcome(FailureKind.EXCEPTION, t.getClass().getName());
    }
}
