package dev.oktyv.system.api;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a response says about the server's quota: {@code Retry-After} (delta-seconds or HTTP-date, RFC 9110
 * 10.2.3) and the de-facto {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset}. Unparseable values are
 * ignored rather than trusted, because a bogus header must not stall the client.
 */
public record RateLimitAdvice(Optional<Duration> retryAfter, OptionalLong remaining, Optional<Duration> resetIn) {

    /**
     * Servers disagree on X-RateLimit-Reset: GitHub sends epoch seconds, others seconds-until-reset. Values above
     * this (2001-09-09 as epoch seconds, 31 years as a delta) can only be sensible as epoch seconds.
     */
    static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    public static final RateLimitAdvice NONE = new RateLimitAdvice(Optional.empty(), OptionalLong.empty(), Optional.empty());

    public static RateLimitAdvice from(HttpHeaders headers, Clock clock) {
        Optional<Duration> retryAfter = headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, clock));
        OptionalLong remaining = parseLong(headers.firstValue("X-RateLimit-Remaining").orElse(null));
        OptionalLong reset = parseLong(headers.firstValue("X-RateLimit-Reset").orElse(null));
        Optional<Duration> resetIn = Optional.empty();
        if (reset.isPresent()) {
            long value = reset.getAsLong();
            resetIn = Optional.of(value > EPOCH_SECONDS_THRESHOLD
                    ? nonNegative(Duration.between(clock.instant(), Instant.ofEpochSecond(value)))
                    : Duration.ofSeconds(value));
        }
        return new RateLimitAdvice(retryAfter, remaining, resetIn);
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.trim();
        if (v.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** How long the endpoint should send nothing: Retry-After, or the reset time once the quota is spent. */
    public Optional<Duration> pause() {
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if (remaining.isPresent() && remaining.getAsLong() <= 0 && resetIn.isPresent()) {
            return resetIn;
        }
        return Optional.empty();
    }

    private static OptionalLong parseLong(String v) {
        if (v == null || !v.trim().matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(v.trim()));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
