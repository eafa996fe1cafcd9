package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timings and bounds of the WebSocket endpoint; tests shorten them.
 *
 * @param authTimeout          how long a new socket may stay without a successful {@code auth}
 * @param sessionCheckInterval how often an authenticated socket re-checks its session (and pings the client)
 * @param idleTimeout          a socket from which nothing (not even a pong) arrived for this long is closed
 * @param maxPendingBytes      the outbound backlog beyond which a socket counts as too slow
 */
record RealtimeSettings(Duration authTimeout, Duration sessionCheckInterval, Duration idleTimeout, long maxPendingBytes) {

    static final int MAX_FRAME_BYTES = 64 * 1024;

    /**
     * Sends one socket may have waiting for storage. Past this a send is answered {@code busy} at
     * once (the client retries it with the same ID), so an overloaded server pushes back with clear
     * errors instead of letting one fast client fill the write queue and slow every ack.
     */
    static final int MAX_SENDS_IN_FLIGHT = 256;

    static final RealtimeSettings DEFAULTS = new RealtimeSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(150), 1024 * 1024);

    RealtimeSettings {
        requireNonNull(authTimeout, "authTimeout");
        requireNonNull(sessionCheckInterval, "sessionCheckInterval");
        requireNonNull(idleTimeout, "idleTimeout");
        if (maxPendingBytes < 1) {
            throw new IllegalArgumentException("maxPendingBytes: " + maxPendingBytes + " (expected: >= 1)");
        }
    }
}
