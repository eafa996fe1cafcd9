package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

/**
 * One message a drill client sent: when, and what became of it. Times are milliseconds since the
 * drill started. Written by the sending thread and the client's I/O thread, hence volatile.
 */
final class SendRecord {

    final int client;
    final String roomId;
    final String id;
    final String text;
    final long sentAt;
    private volatile long ackedAt = -1;
    private volatile String error;

    SendRecord(int client, String roomId, String id, String text, long sentAt) {
        this.client = client;
        this.roomId = requireNonNull(roomId, "roomId");
        this.id = requireNonNull(id, "id");
        this.text = requireNonNull(text, "text");
        this.sentAt = sentAt;
    }

    void acked(long at) {
        ackedAt = at;
    }

    void failed(String kind) {
        error = requireNonNull(kind, "kind");
    }

    boolean isAcked() {
        return ackedAt >= 0;
    }

    long ackedAt() {
        return ackedAt;
    }

    long latency() {
        return ackedAt - sentAt;
    }

    /** The error kind if the send failed for good, else null. */
    String error() {
        return error;
    }
}
