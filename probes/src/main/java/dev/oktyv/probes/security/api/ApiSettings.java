package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.RateLimit;
import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What a probe asks of the client it gets: trust for its loopback TLS server, whether plain http to loopback is
 * allowed (its local test servers), the timeouts, the rate limit, the response cap, and the time source (so the
 * rate-limit probe runs on a manual clock).
 *
 * @param maxResponseBytes the response-body cap the probe expects the client to enforce
 */
public record ApiSettings(boolean allowLoopbackHttp, Optional<SSLContext> sslContext, Duration requestTimeout,
                          RateLimit rateLimit, long maxResponseBytes, NanoClock nanoClock, Sleeper sleeper) {

    public ApiSettings {
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Loopback http allowed, 2 s timeout, generous limits, 1 MiB cap, real time. */
    public static ApiSettings loopback() {
        return new ApiSettings(true, Optional.empty(), Duration.ofSeconds(2), new RateLimit(1000, 1000), 1 << 20,
                NanoClock.SYSTEM, Sleeper.SYSTEM);
    }

    public ApiSettings withSsl(SSLContext ssl, boolean allowLoopbackHttp) {
        return new ApiSettings(allowLoopbackHttp, Optional.of(ssl), requestTimeout, rateLimit, maxResponseBytes,
                nanoClock, sleeper);
    }

    public ApiSettings withRateLimit(RateLimit limit, NanoClock nanos, Sleeper sleep) {
        return new ApiSettings(allowLoopbackHttp, sslContext, requestTimeout, limit, maxResponseBytes, nanos, sleep);
    }

    public ApiSettings withRequestTimeout(Duration timeout) {
        return new ApiSettings(allowLoopbackHttp, sslContext, timeout, rateLimit, maxResponseBytes, nanoClock,
                sleeper);
    }
}
