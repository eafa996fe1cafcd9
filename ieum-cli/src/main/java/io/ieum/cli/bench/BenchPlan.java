package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a bench run does.
 *
 * @param connections realtime connections, spread round the users (more than users = several devices each)
 * @param grace       how long after the last send to wait for acks and deliveries
 */
public record BenchPlan(List<URI> servers, String prefix, int users, int groupSize, int ratePerSecond,
                        Duration duration, int connections, Duration grace) {

    /** Hard bounds: the bench must never be able to take the machine down by a typo. */
    static final int MAX_USERS = 20_000;
    static final int MAX_CONNECTIONS = 15_000;
    static final int MAX_RATE = 200_000;
    static final Duration MAX_DURATION = Duration.ofMinutes(30);

    public BenchPlan {
        requireNonNull(servers, "servers");
        requireNonNull(prefix, "prefix");
        requireNonNull(duration, "duration");
        requireNonNull(grace, "grace");
        check("users", users, 2, MAX_USERS);
        check("groupSize", groupSize, 2, users);
        check("rate", ratePerSecond, 1, MAX_RATE);
        check("connections", connections, 1, MAX_CONNECTIONS);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: 1s.." + MAX_DURATION + ")");
        }
        for (URI s : servers) {
            String host = s.getHost();
            if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
                throw new IllegalArgumentException("server: " + s + " (expected: a loopback address)");
            }
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    public long totalSends() {
        return (long) ratePerSecond * duration.toSeconds();
    }

    public int groups() {
        return users / groupSize;
    }
}
