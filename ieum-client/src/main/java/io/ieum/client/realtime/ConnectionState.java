package io.ieum.client.realtime;

/** Where a realtime connection stands. */
public enum ConnectionState {
    /** Opening the first socket. */
    CONNECTING,
    /** Authenticated: sends go out at once. */
    READY,
    /** Lost its socket; trying again with backoff, possibly on another site. Sends wait in the outbox. */
    RECONNECTING,
    /** Closed by the application, or the server refused the token: it will not come back. */
    CLOSED
}
