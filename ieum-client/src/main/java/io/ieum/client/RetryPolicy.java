package io.ieum.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently to retry: exponential backoff from {@code initialDelay} up to
 * {@code maxDelay}, each delay spread by ±{@code jitter} (a fraction) so that many clients that
 * lost the same site do not all come back in the same millisecond.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5), 0.2);

    public RetryPolicy {
        requireNonNull(initialDelay, "initialDelay");
        requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays: " + initialDelay + ".." + maxDelay
                    + " (expected: 0 <= initialDelay <= maxDelay)");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter: " + jitter + " (expected: 0..1)");
        }
    }

    /**
     * The pause before retry number {@code retry} (1 = the first retry).
     *
     * @param random uniform in [0, 1), injected so tests can pin the jitter
     */
    public Duration delayBefore(int retry, DoubleSupplier random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry: " + retry + " (expected: >= 1)");
        }
        double base = initialDelay.toMillis() * Math.pow(2, Math.min(retry - 1, 30));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
    }
}
