package dev.oktyv.system.api;

/** HTTP methods the client sends. Idempotency decides whether a failed call may be repeated automatically. */
public enum HttpMethod {
    GET(true), HEAD(true), PUT(true), DELETE(true), OPTIONS(true),
    // POST and PATCH can create or change state twice if repeated, so they are never retried automatically.
    POST(false), PATCH(false);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public boolean idempotent() {
        return idempotent;
    }
}
