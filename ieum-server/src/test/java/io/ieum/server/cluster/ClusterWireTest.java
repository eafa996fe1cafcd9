package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.service.EventSink;
import io.ieum.core.service.LiveEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ClusterWireTest {

    private final ClusterWire wire = new ClusterWire();
    private final RoomId room = RoomId.random();
    private final UserId mina = UserId.random();
    private final UserId joon = UserId.random();

    private ClusterWire.Received roundTrip(List<UserId> recipients, LiveEvent event) {
        return wire.event(wire.parse(ClusterWire.frame("node-b/00ff", 7, wire.body(recipients, event))));
    }

    @Test
    void everyKindOfEventShouldCrossTheWireUnchanged() {
        Entry message = new Entry(room, MessageId.generate(), mina, EntryKind.MESSAGE, "사진 \"봐\"\n", MessageId.generate(),
                List.of(new Attachment("a".repeat(64), "cake.png", "image/png", 1234)), null, false);
        Entry deletion = Entry.event(room, MessageId.generate(), mina, EntryKind.DELETION, message.id().toString());
        List<LiveEvent> events = List.of(new LiveEvent.EntryAdded(message), new LiveEvent.EntryAdded(deletion),
                new LiveEvent.EntryAdded(message.asDeleted()), new LiveEvent.ReadMoved(room, joon, message.id()),
                new LiveEvent.MembersChanged(room));
        for (LiveEvent event : events) {
            ClusterWire.Received received = roundTrip(List.of(mina, joon), event);
            assertThat(received.event()).isEqualTo(event);
            assertThat(received.recipients()).containsExactly(mina, joon);
            assertThat(received.origin()).isEqualTo("node-b/00ff");
            assertThat(received.seq()).isEqualTo(7);
        }
    }

    @Test
    void receiverShouldDropItsOwnEventsAndAnythingSeenBefore() {
        List<LiveEvent> delivered = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClusterEventSink sink = new ClusterEventSink((r, e) -> delivered.add(e), "node-a/01", wire, List.of(), new ClusterMetrics(meters),
                new GapSignals(meters));
        List<RoomId> invalidated = new ArrayList<>();
        sink.onMembersChanged(invalidated::add);
        LiveEvent read = new LiveEvent.ReadMoved(room, joon, MessageId.generate());
        String body = wire.body(List.of(mina), read);

        sink.receive(wire.parse(ClusterWire.frame("node-b/02", 1, body)));
        sink.receive(wire.parse(ClusterWire.frame("node-b/02", 1, body))); // duplicate
        sink.receive(wire.parse(ClusterWire.frame("node-a/01", 5, body))); // our own, come back
        sink.receive(wire.parse(ClusterWire.frame("node-b/03", 1, body))); // node B restarted: a new origin
        sink.receive(wire.parse(ClusterWire.frame("node-b/02", 2, wire.body(List.of(), new LiveEvent.MembersChanged(room)))));

        assertThat(delivered).containsExactly(read, read);
        assertThat(invalidated).containsExactly(room);
        assertThat(meters.counter(ClusterMetrics.EVENTS_RECEIVED).count()).isEqualTo(3);
        assertThat(meters.counter(ClusterMetrics.EVENTS_DROPPED, "reason", "duplicate").count()).isEqualTo(2);
    }

    @Test
    void publishShouldDeliverLocallyEvenWithoutPeers() {
        List<LiveEvent> delivered = new ArrayList<>();
        EventSink sink = new ClusterEventSink((r, e) -> delivered.add(e), "node-a/01", wire, List.of(),
                new ClusterMetrics(new SimpleMeterRegistry()), new GapSignals(new SimpleMeterRegistry()));
        LiveEvent event = new LiveEvent.MembersChanged(room);
        sink.publish(List.of(), event);
        assertThat(delivered).containsExactly(event);
    }
}
