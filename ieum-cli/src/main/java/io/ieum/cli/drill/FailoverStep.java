package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

/**
 * One step of a client's realtime connection, as its socket saw it: a site tried, connected,
 * authenticated, caught up, its first ack, the socket closed. {@code at} is drill milliseconds.
 *
 * @param site   the site's host:port
 * @param detail what else is known (close code and reason, frames re-sent), or ""
 */
record FailoverStep(long at, Kind kind, String site, String detail) {

    enum Kind {
        /** A WebSocket to {@code site} is being opened. */
        TRY,
        /** The WebSocket handshake succeeded. */
        CONNECTED,
        /** The client sent its token. */
        AUTH_SENT,
        /** The server answered {@code ready}: authenticated, sends are accepted from now. */
        READY,
        /** The client asked to sync from its cursor; detail: the sends re-sent before it (the outbox). */
        SYNC_SENT,
        /** The client asked for the missed entries over REST (off the socket); detail: page number. */
        CATCH_UP,
        /** A {@code synced} page with more to come; detail: its number. */
        SYNC_PAGE,
        /** The last {@code synced} page arrived: the client is caught up; detail: how many pages. */
        SYNCED,
        /** The first {@code ack} on this socket. */
        FIRST_ACK,
        /** An {@code error} frame (e.g. busy). */
        ERROR,
        /** The socket is gone, or never opened; detail: close code and reason. */
        CLOSED
    }

    FailoverStep {
        requireNonNull(kind, "kind");
        requireNonNull(site, "site");
        requireNonNull(detail, "detail");
    }
}
