package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.service.EventSink;
import io.ieum.core.service.LiveEvent;

/**
 * The event sink of a node with peers: delivers each event to the sockets held here, then forwards
 * it, encoded once, to every peer that is up. Events received from peers go to the local delivery
 * only (never forwarded again); each is delivered at most once per origin and sequence number.
 */
public final class ClusterEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(ClusterEventSink.class);

    private final EventSink local;
    private final String origin;
    private final ClusterWire wire;
    private final List<PeerLink> links;
    private final ClusterMetrics metrics;
    private final OriginSequences sequences = new OriginSequences();
    private final GapSignals gaps;
    private volatile Consumer<RoomId> membersChanged = room -> {};
    private long seq;

    ClusterEventSink(EventSink local, String origin, ClusterWire wire, List<PeerLink> links, ClusterMetrics metrics,
                     GapSignals gaps) {
        this.local = requireNonNull(local, "local");
        this.gaps = requireNonNull(gaps, "gaps");
        this.origin = requireNonNull(origin, "origin");
        this.wire = requireNonNull(wire, "wire");
        this.links = List.copyOf(requireNonNull(links, "links"));
        this.metrics = requireNonNull(metrics, "metrics");
    }

    /** What to do when a peer says a room's members changed: drop the cached members here. */
    void onMembersChanged(Consumer<RoomId> action) {
        this.membersChanged = requireNonNull(action, "action");
    }

    @Override
    public void publish(Collection<UserId> recipients, LiveEvent event) {
        requireNonNull(recipients, "recipients");
        requireNonNull(event, "event");
        local.publish(recipients, event);
        if (links.isEmpty()) {
            return;
        }
        String body = wire.body(recipients, event);
        // Numbering and queueing under one lock keep each peer's queue in sequence order, which the
        // receiver's "highest sequence seen" de-duplication relies on. Offers never block.
        synchronized (this) {
            String frame = ClusterWire.frame(origin, ++seq, body);
            for (PeerLink link : links) {
                link.offer(frame);
            }
        }
    }

    /** An event frame from a peer. */
    void receive(JsonNode frame) {
        ClusterWire.Received received = wire.event(frame);
        Arrival arrival = received.origin().equals(origin) ? Arrival.DUPLICATE
                : sequences.arrive(received.origin(), received.seq());
        if (arrival == Arrival.DUPLICATE) {
            metrics.droppedDuplicate.increment();
            return;
        }
        metrics.received.increment();
        // This event did arrive; a gap is about the ones before it, which a sync of the devices finds.
        try {
            handle(received);
        } finally {
            if (arrival == Arrival.SKIPPED) {
                gaps.signal(GapReason.SEQUENCE, received.origin());
            } else if (arrival == Arrival.RESTARTED) {
                gaps.signal(GapReason.RESTART, received.origin());
            }
        }
    }

    private void handle(ClusterWire.Received received) {
        if (received.event() instanceof LiveEvent.MembersChanged changed) {
            membersChanged.accept(changed.roomId());
            return;
        }
        try {
            local.publish(received.recipients(), received.event());
        } catch (RuntimeException e) {
            log.warn("Local delivery of an event from {} failed", received.origin(), e);
        }
    }
}
