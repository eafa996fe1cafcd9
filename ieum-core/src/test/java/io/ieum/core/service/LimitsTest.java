package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void defaultsShouldMatchTheDocumentedProductLimits() {
        assertThat(Limits.DEFAULTS.maxTextLength()).isEqualTo(10_000);
        assertThat(Limits.DEFAULTS.maxGroupMembers()).isEqualTo(1_000);
        assertThat(Limits.DEFAULTS.deleteWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Limits.DEFAULTS.maxAttachmentBytes()).isEqualTo(100L * 1024 * 1024);
    }

    @Test
    void syncOverlapShouldCoverBothTheAcceptedAgeAndTheFutureSkew() {
        Limits limits = new Limits(10, 10, Duration.ZERO, 1, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofDays(1));
        assertThat(limits.syncOverlap()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void outOfRangeValuesShouldBeRejectedNamingTheValue() {
        assertThatThrownBy(() -> new Limits(0, 10, Duration.ZERO, 1, Duration.ofSeconds(1), Duration.ZERO, Duration.ofDays(1)))
                .hasMessage("maxTextLength: 0 (expected: 1..1000000)");
        assertThatThrownBy(() -> new Limits(10, 1, Duration.ZERO, 1, Duration.ofSeconds(1), Duration.ZERO, Duration.ofDays(1)))
                .hasMessage("maxGroupMembers: 1 (expected: 2..100000)");
        assertThatThrownBy(() -> new Limits(10, 10, Duration.ofSeconds(-1), 1, Duration.ofSeconds(1), Duration.ZERO, Duration.ofDays(1)))
                .hasMessage("deleteWindow: PT-1S (expected: >= 0)");
    }
}
