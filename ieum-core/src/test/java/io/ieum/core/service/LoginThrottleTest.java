package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofHours(1));

    @Test
    void firstFailuresShouldBeFree() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("mina", "127.0.0.1");
        }
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isZero();
    }

    @Test
    void delayShouldDoubleAfterTheFreeAttempts() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("mina", "127.0.0.1");
        }
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        throttle.recordFailure("mina", "127.0.0.1");
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        throttle.recordFailure("mina", "127.0.0.1");
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void accountShouldBeThrottledFromAnyAddress() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("mina", "127.0.0." + (i + 1));
        }
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.99")).isPositive();
        assertThat(throttle.waitBeforeAttempt("joon", "127.0.0.99")).isZero();
    }

    @Test
    void addressShouldBeThrottledAcrossAccounts() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("user" + i, "127.0.0.7");
        }
        assertThat(throttle.waitBeforeAttempt("someone-else", "127.0.0.7")).isPositive();
    }

    @Test
    void delayShouldNeverExceedTheMaximum() {
        for (int i = 0; i < 40; i++) {
            throttle.recordFailure("mina", "127.0.0.1");
        }
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void waitingShouldLiftTheDelayAndSuccessShouldClearTheAccount() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("mina", "127.0.0.1");
        }
        now.set(now.get().plusSeconds(3));
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isZero();
        throttle.recordSuccess("mina");
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.2")).isZero();
    }

    @Test
    void oldFailuresShouldBeForgotten() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("mina", "127.0.0.1");
        }
        now.set(now.get().plus(Duration.ofHours(2)));
        assertThat(throttle.waitBeforeAttempt("mina", "127.0.0.1")).isZero();
    }
}
