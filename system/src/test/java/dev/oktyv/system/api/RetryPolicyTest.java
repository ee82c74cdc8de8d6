package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheCapAndJitterOnlyShortens() {
        RetryPolicy p = new RetryPolicy(20, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5));
        assertThat(p.backoff(1, 0.999999)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(3, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(4, 0.5)).isEqualTo(Duration.ofMillis(600));
        assertThat(p.backoff(19, 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        RetryPolicy huge = new RetryPolicy(20, Duration.ofDays(1), Duration.ofDays(2), 0, Duration.ZERO);
        assertThat(huge.backoff(20, 0)).as("no overflow").isEqualTo(Duration.ofDays(2));
    }

    @Test
    void invalidPoliciesNameTheField() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ZERO))
                .hasMessage("maxAttempts must be in [1, 20], was 0");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(1), 0, Duration.ZERO))
                .hasMessage("maxBackoff PT0.001S is below initialBackoff PT0.01S");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 1.5, Duration.ZERO))
                .hasMessage("jitterFraction must be in [0, 1], was 1.5");
    }
}
