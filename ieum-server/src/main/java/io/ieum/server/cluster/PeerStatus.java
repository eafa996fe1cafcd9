package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * How this node sees one peer.
 *
 * @param up     whether the node-to-node connection is open and the peer answered a heartbeat within the timeout
 * @param since  when it last changed between up and down (start-up counts as a change to down)
 * @param detail why it is down ("connection refused", "silent for 1500ms"), or "connected"
 */
public record PeerStatus(boolean up, Instant since, String detail) {
    public PeerStatus {
        requireNonNull(since, "since");
        requireNonNull(detail, "detail");
    }
}
