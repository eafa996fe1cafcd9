package io.ieum.client.realtime;

/** One WebSocket opened by a {@link RealtimeTransport}. Safe to call from any thread. */
public interface RealtimeSocket {

    /** Queues a text frame; dropped silently when the socket is not open (the outbox re-sends what matters). */
    void send(String text);

    /** Sends a close frame with {@code code} and closes the socket after it is written. */
    void close(int code, String reason);

    /** Drops the socket at once, without a close frame, as a failing network would. */
    void abort();
}
