package io.ieum.server.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.service.LiveEvent;
import io.ieum.server.IeumServer;

/**
 * A stand-in peer that connects to a node's {@code /internal/events} like a real node and sends
 * event frames with whatever origin and sequence numbers a test picks — gaps and restarts included.
 */
final class FakePeer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ClusterWire wire = new ClusterWire();
    private final WebSocket socket;

    private FakePeer(IeumServer node, String origin) {
        this.socket = HTTP.newWebSocketBuilder()
                .header(InternalEventsService.SECRET_HEADER, ClusterNodes.SECRET)
                .header(InternalEventsService.ORIGIN_HEADER, origin)
                .header("Origin", ClusterNodes.url(node.port()))
                .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + InternalEventsService.PATH), new WebSocket.Listener() {})
                .join();
    }

    /** Connects as {@code origin} ({@code <name>/<boot ID>}). */
    static FakePeer connect(IeumServer node, String origin) {
        return new FakePeer(node, origin);
    }

    /** Sends a new message for {@code recipient} as event {@code seq} of {@code origin}; returns its ID. */
    String sendEntry(String origin, long seq, String recipient) {
        UserId user = UserId.of(recipient);
        MessageId id = MessageId.generate();
        String body = wire.body(List.of(user), new LiveEvent.EntryAdded(
                Entry.message(RoomId.random(), id, user, "event " + seq, null, List.of())));
        socket.sendText(ClusterWire.frame(origin, seq, body), true).join();
        return id.toString();
    }

    /** Sends an event for nobody (a read position no device here needs) as event {@code seq} of {@code origin}. */
    void sendNothing(String origin, long seq) {
        String body = wire.body(List.of(), new LiveEvent.ReadMoved(RoomId.random(), UserId.random(), MessageId.generate()));
        socket.sendText(ClusterWire.frame(origin, seq, body), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
