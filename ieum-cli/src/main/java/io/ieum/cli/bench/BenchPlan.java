package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a bench run does.
 *
 * @param connections realtime connections, spread round the users (more than users = several devices each)
 * @param grace       how long after the last send to wait for acks and deliveries
 * @param processes   generator processes: this one and {@code processes - 1} child JVMs
 * @param bind        source addresses, one per process in turn; empty = the system's choice
 * @param ioThreads   event loop threads per process for the realtime sockets
 * @param warmup      how long to send at the rate before measuring: those sends are checked for loss and
 *                    duplicates like every other, but their latencies are left out (a fresh generator
 *                    JVM is still compiling its own receive path then)
 * @param spread      connect the members of each room to the servers in turn (each one's failover list
 *                    starting at its own site), for a multi-site run; otherwise every connection uses
 *                    {@code servers} as its failover list, i.e. the first server while it answers
 * @param sendTick    the shortest sleep of a sender that is ahead of the schedule; what falls due meanwhile
 *                    goes out together when it wakes (zero: each send wakes it at its own due time)
 * @param rampUp      whether the warm-up raises the rate from a tenth to the full rate (see {@link SendSchedule})
 *                    instead of sending at the full rate from the start
 */
public record BenchPlan(List<URI> servers, String prefix, int users, int groupSize, int ratePerSecond,
                        Duration duration, int connections, Duration grace, int processes, List<InetAddress> bind,
                        int ioThreads, Duration warmup, boolean spread, Duration sendTick,
                        boolean rampUp) {

    /** Hard bounds: the bench must never be able to take the machine down by a typo. */
    static final int MAX_USERS = 200_000;
    static final int MAX_CONNECTIONS = 200_000;
    /** Each process may hold 20,000 open files: keep room for the JVM's own. */
    static final int MAX_CONNECTIONS_PER_PROCESS = 18_000;
    static final int MAX_PROCESSES = 16;
    static final int MAX_RATE = 500_000;
    static final Duration MAX_DURATION = Duration.ofMinutes(30);
    static final Duration MAX_SEND_TICK = Duration.ofMillis(100);

    public BenchPlan {
        servers = List.copyOf(requireNonNull(servers, "servers"));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("server: none given (expected: at least one)");
        }
        requireNonNull(prefix, "prefix");
        requireNonNull(duration, "duration");
        requireNonNull(grace, "grace");
        requireNonNull(warmup, "warmup");
        requireNonNull(sendTick, "sendTick");
        bind = List.copyOf(requireNonNull(bind, "bind"));
        check("users", users, 2, MAX_USERS);
        check("groupSize", groupSize, 2, users);
        check("rate", ratePerSecond, 1, MAX_RATE);
        check("processes", processes, 1, MAX_PROCESSES);
        check("connections", connections, 1, Math.min(MAX_CONNECTIONS, MAX_CONNECTIONS_PER_PROCESS * processes));
        check("ioThreads", ioThreads, 1, 64);
        if (users / groupSize < processes) {
            throw new IllegalArgumentException("processes: " + processes + " (expected: at most one per group, "
                    + users / groupSize + " groups)");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: 1s.." + MAX_DURATION + ")");
        }
        if (warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("warmup: " + warmup + " (expected: 0s.." + MAX_DURATION + ")");
        }
        if (sendTick.isNegative() || sendTick.compareTo(MAX_SEND_TICK) > 0) {
            throw new IllegalArgumentException("sendTick: " + sendTick.toNanos() / 1000 + " µs (expected: 0.."
                    + MAX_SEND_TICK.toNanos() / 1000 + " µs)");
        }
        // Checked on the total: a process may get more than its even share of the sends.
        long seconds = warmup.toSeconds() + duration.toSeconds(); // the fields are not set yet
        if ((long) ratePerSecond * seconds > SentIds.MAX_CAPACITY) {
            throw new IllegalArgumentException("rate: " + ratePerSecond + " for " + seconds
                    + " s (expected: at most " + SentIds.MAX_CAPACITY + " sends in all)");
        }
        for (URI s : servers) {
            String host = s.getHost();
            if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
                throw new IllegalArgumentException("server: " + s + " (expected: a loopback address)");
            }
        }
        for (InetAddress a : bind) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("bind: " + a.getHostAddress() + " (expected: a loopback address)");
            }
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    /** Every send, warm-up included. */
    public long totalSends() {
        return Math.round(ratePerSecond * fullRateSeconds());
    }

    /**
     * How many seconds at the full rate the run's sends take: the measured time plus the warm-up,
     * which sends less when it ramps up.
     */
    double fullRateSeconds() {
        return duration.toSeconds() + warmup.toSeconds() * SendSchedule.warmupWeight(rampUp);
    }

    public int groups() {
        return users / groupSize;
    }

    /** The source address of process {@code index} (0 = this one), or null for the system's choice. */
    InetAddress bindOf(int index) {
        return bind.isEmpty() ? null : bind.get(index % bind.size());
    }
}
