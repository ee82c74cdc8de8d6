package dev.oktyv.system.api;

import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Immutable client settings; build with {@link #builder()}. Defaults: 5 s connect and 30 s request timeout,
 * {@link RetryPolicy#DEFAULT}, global 100 req/s (burst 100), per endpoint 20 req/s (burst 20), 10 s to wait for a
 * permit, {@link BreakerSettings#DEFAULT}, system time, the JVM's default trust store, no plain http, and
 * response bodies of at most 16 MiB.
 *
 * @param requestTimeout   the whole of one attempt, from sending to the last byte of the body; when it passes the
 *                         exchange is cancelled (a server that sends the body slowly cannot hold a call longer)
 * @param maxResponseBytes the largest response body one attempt accepts; a larger one fails with
 *                         {@link ResponseTooLargeException} before it is held in memory
 * @param sslContext an explicit trust configuration (e.g. a private CA); empty = the JVM default
 */
public record ApiClientConfig(Duration connectTimeout, Duration requestTimeout, boolean allowLoopbackHttp,
                              Optional<SSLContext> sslContext, RetryPolicy retryPolicy, RateLimit globalLimit,
                              RateLimit endpointLimit, Duration permitTimeout, BreakerSettings breaker,
                              Clock clock, NanoClock nanoClock, Sleeper sleeper, JitterSource jitter,
                              long maxResponseBytes) {

    public ApiClientConfig {
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(globalLimit, "globalLimit");
        Objects.requireNonNull(endpointLimit, "endpointLimit");
        Objects.requireNonNull(permitTimeout, "permitTimeout");
        if (permitTimeout.isNegative()) {
            throw new IllegalArgumentException("permitTimeout must not be negative, was " + permitTimeout);
        }
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        checkMaxResponseBytes(maxResponseBytes);
    }

    private static long checkMaxResponseBytes(long bytes) {
        // A byte[] cannot hold more than Integer.MAX_VALUE - 8 bytes (the largest array the JVM allocates).
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + ", was " + bytes);
        }
        return bytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Duration positive(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
        return d;
    }

    /** Validates each value as it is set; {@link #build()} returns the immutable record. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private boolean allowLoopbackHttp;
        private SSLContext sslContext;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RateLimit globalLimit = new RateLimit(100, 100);
        private RateLimit endpointLimit = new RateLimit(20, 20);
        private Duration permitTimeout = Duration.ofSeconds(10);
        private BreakerSettings breaker = BreakerSettings.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private NanoClock nanoClock = NanoClock.SYSTEM;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private JitterSource jitter = JitterSource.threadLocal();
        private long maxResponseBytes = 16L << 20;

        private Builder() {
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = positive("connectTimeout", d);
            return this;
        }

        public Builder requestTimeout(Duration d) {
            requestTimeout = positive("requestTimeout", d);
            return this;
        }

        /** Tests and local benchmarks only: permits {@code http://} to a literal loopback host. */
        public Builder allowLoopbackHttp(boolean allow) {
            allowLoopbackHttp = allow;
            return this;
        }

        public Builder sslContext(SSLContext context) {
            sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder globalLimit(RateLimit limit) {
            globalLimit = Objects.requireNonNull(limit, "globalLimit");
            return this;
        }

        public Builder endpointLimit(RateLimit limit) {
            endpointLimit = Objects.requireNonNull(limit, "endpointLimit");
            return this;
        }

        public Builder permitTimeout(Duration d) {
            Objects.requireNonNull(d, "permitTimeout");
            if (d.isNegative()) {
                throw new IllegalArgumentException("permitTimeout must not be negative, was " + d);
            }
            permitTimeout = d;
            return this;
        }

        public Builder breaker(BreakerSettings settings) {
            breaker = Objects.requireNonNull(settings, "breaker");
            return this;
        }

        /** One injected timeline for everything timed (tests pass a ManualTime three times). */
        public Builder time(Clock wall, NanoClock nanos, Sleeper sleep) {
            clock = Objects.requireNonNull(wall, "clock");
            nanoClock = Objects.requireNonNull(nanos, "nanoClock");
            sleeper = Objects.requireNonNull(sleep, "sleeper");
            return this;
        }

        public Builder jitter(JitterSource source) {
            jitter = Objects.requireNonNull(source, "jitter");
            return this;
        }

        /** The largest response body one attempt accepts (default 16 MiB). */
        public Builder maxResponseBytes(long bytes) {
            maxResponseBytes = checkMaxResponseBytes(bytes);
            return this;
        }

        public ApiClientConfig build() {
            if (requestTimeout.compareTo(connectTimeout) < 0) {
                throw new IllegalArgumentException("requestTimeout " + requestTimeout
                        + " is shorter than connectTimeout " + connectTimeout);
            }
            return new ApiClientConfig(connectTimeout, requestTimeout, allowLoopbackHttp,
                    Optional.ofNullable(sslContext), retryPolicy, globalLimit, endpointLimit, permitTimeout,
                    breaker, clock, nanoClock, sleeper, jitter, maxResponseBytes);
        }
    }
}
