package io.ieum.server.cluster;

import java.util.Locale;

/**
 * Why this node may have missed events of a peer — each makes it tell its connected devices to sync
 * (ADR 0006). Counted as {@code ieum_cluster_gaps_total{reason}}.
 */
public enum GapReason {
    /** A peer's sequence numbers skipped: it dropped events meant for this node (queue full, link down). */
    SEQUENCE,
    /** A peer came back with a new boot ID: events its old boot had queued were never sent. */
    RESTART,
    /** A peer's connection to this node broke: the events queued on it are discarded. */
    LINK_CLOSED,
    /** A peer (re)connected to this node: what it published while not connected was dropped for us. */
    LINK_OPENED,
    /** This node's heartbeats found a peer down or silent: its last events may never arrive. */
    PEER_DOWN;

    /** The metric tag and log name: {@code link_closed}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
