package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.time.ManualTime;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitAdviceTest {

    private final ManualTime time = new ManualTime(); // 2026-01-01T00:00:00Z

    private RateLimitAdvice advice(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return RateLimitAdvice.from(HttpHeaders.of(multi, (a, b) -> true), time.clock());
    }

    @Test
    void parsesRetryAfterSecondsAndDates() {
        assertThat(advice(Map.of("Retry-After", "120")).retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(advice(Map.of("Retry-After", "Thu, 01 Jan 2026 00:01:30 GMT")).retryAfter())
                .contains(Duration.ofSeconds(90));
        assertThat(advice(Map.of("Retry-After", "Wed, 31 Dec 2025 23:00:00 GMT")).retryAfter())
                .as("a date in the past means now").contains(Duration.ZERO);
        assertThat(advice(Map.of("Retry-After", "soon")).retryAfter()).isEmpty();
        assertThat(advice(Map.of("Retry-After", "-5")).retryAfter()).isEmpty();
    }

    @Test
    void pausesOnlyWhenTheQuotaIsSpent() {
        // 1767225660 = 2026-01-01T00:01:00Z as epoch seconds (GitHub style)
        RateLimitAdvice epoch = advice(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1767225660"));
        assertThat(epoch.pause()).contains(Duration.ofSeconds(60));
        RateLimitAdvice delta = advice(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "15"));
        assertThat(delta.pause()).contains(Duration.ofSeconds(15));
        assertThat(advice(Map.of("X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "15")).pause()).isEmpty();
        assertThat(advice(Map.of()).pause()).isEmpty();
    }
}
