package io.ieum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 0.2);

    @Test
    void delayShouldDoubleUntilTheCapWithoutJitter() {
        assertThat(policy.delayBefore(1, () -> 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBefore(2, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBefore(4, () -> 0.5)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delayBefore(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(500, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterShouldSpreadDelaysWithinTheGivenFraction() {
        assertThat(policy.delayBefore(1, () -> 0.0)).isEqualTo(Duration.ofMillis(80));
        assertThat(policy.delayBefore(1, () -> 0.999_999)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void invalidValuesShouldBeRejectedNamingTheValue() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0))
                .hasMessage("maxAttempts: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5))
                .hasMessage("jitter: 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> policy.delayBefore(0, () -> 0))
                .hasMessage("retry: 0 (expected: >= 1)");
    }
}
