package io.ieum.server.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of node-to-node delivery (Prometheus names: {@code ieum_cluster_*}). */
public final class ClusterMetrics {

    public static final String PEERS_UP = "ieum.cluster.peers.up";
    public static final String EVENTS_FORWARDED = "ieum.cluster.events.forwarded";
    public static final String FORWARD_FAILURES = "ieum.cluster.forward.failures";
    public static final String EVENTS_RECEIVED = "ieum.cluster.events.received";
    public static final String EVENTS_DROPPED = "ieum.cluster.events.dropped";

    final Counter forwarded;
    final Counter forwardFailures;
    final Counter received;
    /** The publisher found a peer's queue full (a slow peer). */
    final Counter droppedQueueFull;
    /** The peer was down when the event was published; its clients sync elsewhere. */
    final Counter droppedPeerDown;
    /** Received twice, or our own event come back. */
    final Counter droppedDuplicate;

    ClusterMetrics(MeterRegistry meters) {
        forwarded = meters.counter(EVENTS_FORWARDED);
        forwardFailures = meters.counter(FORWARD_FAILURES);
        received = meters.counter(EVENTS_RECEIVED);
        droppedQueueFull = meters.counter(EVENTS_DROPPED, "reason", "queue_full");
        droppedPeerDown = meters.counter(EVENTS_DROPPED, "reason", "peer_down");
        droppedDuplicate = meters.counter(EVENTS_DROPPED, "reason", "duplicate");
    }
}
