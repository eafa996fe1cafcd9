package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Each failed login counts against the account and against the
 * caller's address; after {@code freeAttempts} failures every further attempt must wait twice as
 * long as the last (1 s, 2 s, 4 s … up to {@code maxDelay}). A success clears the account's count.
 * Counters older than {@code forgetAfter} are forgotten.
 */
public final class LoginThrottle {

    private final Clock clock;
    private final int freeAttempts;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int freeAttempts, Duration maxDelay, Duration forgetAfter) {
        this.clock = requireNonNull(clock, "clock");
        this.freeAttempts = freeAttempts;
        this.maxDelay = requireNonNull(maxDelay, "maxDelay");
        this.forgetAfter = requireNonNull(forgetAfter, "forgetAfter");
    }

    public static LoginThrottle withDefaults(Clock clock) {
        return new LoginThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofHours(1));
    }

    /** How long the caller must still wait before trying again; zero if it may try now. */
    public Duration waitBeforeAttempt(String account, String address) {
        Instant now = clock.instant();
        Duration a = remaining(key("account", account), now);
        Duration b = remaining(key("address", address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void recordFailure(String account, String address) {
        Instant now = clock.instant();
        failures.merge(key("account", account), new Failures(1, now), (old, one) -> old.plusOne(now, forgetAfter));
        failures.merge(key("address", address), new Failures(1, now), (old, one) -> old.plusOne(now, forgetAfter));
        if (failures.size() > 100_000) {
            failures.values().removeIf(f -> f.last.plus(forgetAfter).isBefore(now));
        }
    }

    public void recordSuccess(String account) {
        failures.remove(key("account", account));
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count < freeAttempts || f.last.plus(forgetAfter).isBefore(now)) {
            return Duration.ZERO;
        }
        int exponent = Math.min(f.count - freeAttempts, 20);
        Duration delay = Duration.ofSeconds(1L << exponent);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Duration left = Duration.between(now, f.last.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String key(String kind, String value) {
        return kind + ':' + value;
    }

    private record Failures(int count, Instant last) {
        Failures plusOne(Instant now, Duration forgetAfter) {
            return last.plus(forgetAfter).isBefore(now) ? new Failures(1, now) : new Failures(count + 1, now);
        }
    }
}
